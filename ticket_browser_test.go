package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestCopyForTicket opens a code page in Chromium, presses "Copy for the ticket" and "Copy
// the reply" from the keyboard, and checks what reached the clipboard and what a screen
// reader is told. The clipboard is stood in for by a function that keeps the text. The
// page is opened from another address than the one the site was built for, as a mirror or
// a build without --base-url is: the note on the page names the built address, the copied
// one the address in the bar.
func TestCopyForTicket(t *testing.T) {
	s := checkedSite(t)
	host := pagesHost(t, s)
	ctx := browser(t)
	// Opened at the note, as "Read the note and reply" opens it: the copied address is the
	// page's, without the #ticket an agent arrived by.
	if err := chromedp.Do(ctx, chromedp.Navigate(host+"codes/131026/#ticket")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector('button[data-copy="ticket-note"]').hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the copy button was not shown: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.clipboard.writeText = (t) => { window.copied = t; return Promise.resolve(); }; true`)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ button, status string }{
		{"ticket-note", "Copied for the ticket."},
		{"customer-reply", "Copied the reply."},
	} {
		sel := `button[data-copy="` + tc.button + `"]`
		if err := chromedp.Do(ctx, chromedp.Focus(sel), chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		status, err := chromedp.Run(ctx, chromedp.Poll[string](`document.querySelector("[data-copy-status]").textContent || null`, chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil || status != tc.status {
			t.Errorf("%s: the status says %q (%v), want %q", tc.button, status, err, tc.status)
		}
		copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.copied || ""`))
		if err != nil {
			t.Fatal(err)
		}
		// The button itself says it copied, then goes back to its label.
		label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+sel+`').textContent`))
		if err != nil || label != "Copied" {
			t.Errorf("%s: the button says %q (%v) after copying, want \"Copied\"", tc.button, label, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('`+sel+`').textContent.startsWith("Copy ")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("%s: the button did not go back to its label: %v", tc.button, err)
		}
		switch tc.button {
		case "ticket-note":
			for _, want := range []string{"WhatsApp error 131026: Message undeliverable", "Who fixes it: ", "\nDetails: " + host + "codes/131026/"} {
				if !strings.Contains(copied, want) {
					t.Errorf("the ticket note does not contain %q:\n%s", want, copied)
				}
			}
			if strings.Contains(copied, "codes/131026/#") {
				t.Errorf("the ticket note's address keeps the page's #fragment:\n%s", copied)
			}
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("ticket-note").textContent`))
			if err != nil || !strings.Contains(shown, "Details: "+s.url+"codes/131026/") || host == s.url {
				t.Errorf("the page's note should name the built address %s, and the test open it from another (%s):\n%s", s.url, host, shown)
			}
		case "customer-reply":
			if !strings.Contains(copied, "WhatsApp") || strings.Contains(copied, "<") || strings.Contains(copied, "131026") {
				t.Errorf("the reply is not plain customer text:\n%s", copied)
			}
			// 131026's reply is a paragraph and a list: the list stays a list.
			if !strings.Contains(copied, "\n\n- ") || strings.Count(copied, "\n- ") < 3 || strings.Contains(copied, "\n\n- Update") {
				t.Errorf("the reply lost its list (want a blank line, then one \"- \" line per item):\n%s", copied)
			}
		}
		chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("[data-copy-status]").textContent = ""; true`))
	}
}

// TestCopyReplyNumberedList checks that "Copy the reply" keeps an ordered list's numbers as
// the customer reads them, from 1. No reply in the data has an ordered list yet, so the
// test puts one, as the Markdown of a reply renders it, in 131047's reply on the page.
func TestCopyReplyNumberedList(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"codes/131047/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector('button[data-copy="customer-reply"]').hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the copy button was not shown: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.clipboard.writeText = (t) => { window.copied = t; return Promise.resolve(); };
		document.getElementById("customer-reply").innerHTML = "<p>To get our answer on WhatsApp:</p>\n<ol>\n<li>Open WhatsApp.</li>\n<li>Open our chat.</li>\n<li>Send us any message,\nsuch as hello.</li>\n</ol>\n<p>Thank you.</p>\n";
		true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(`button[data-copy="customer-reply"]`), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	copied, err := chromedp.Run(ctx, chromedp.Poll[string](`window.copied || null`, chromedp.WithPollingTimeout(5*time.Second)))
	const want = "To get our answer on WhatsApp:\n\n1. Open WhatsApp.\n2. Open our chat.\n3. Send us any message, such as hello.\n\nThank you."
	if err != nil || copied != want {
		t.Errorf("copied reply (%v):\n%s\nwant its steps numbered from 1:\n%s", err, copied, want)
	}
}
