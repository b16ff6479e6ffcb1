// Opens the search engine (static/search-engine.js) on a built site's index, for the Node
// tests: the folder KB_SEARCH_INDEX names (go test and scripts/mutate-js build the site and
// set it), else the real site built here with `go run . build` into a temporary folder.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const SearchEngine = require("../../static/search-engine.js");

function indexDir() {
  if (process.env.KB_SEARCH_INDEX) return process.env.KB_SEARCH_INDEX;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kb-search-"));
  process.on("exit", () => fs.rmSync(out, { recursive: true, force: true }));
  execFileSync("go", ["run", ".", "build", "--out", out], { cwd: path.join(__dirname, "../.."), stdio: "ignore" });
  process.env.KB_SEARCH_INDEX = path.join(out, "search");
  return process.env.KB_SEARCH_INDEX;
}

// open returns a fresh engine on the index in dir, and the names of the parts it fetched.
// The document lists are cut into shards of 1 to 7 stems, hundreds of them, as
// search_browser_test.go's reshard does, so that every search crosses shard edges: the real
// site fits one shard, where an engine that looks a stem up in the wrong shard would go
// unseen. With slow, each part arrives on a later turn of the event loop, as over a network,
// so that an engine that goes on before a part it needs is here is seen.
function open(dir = indexDir(), { slow = false } = {}) {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name + ".json"), "utf8"));
  const raw = read("index");
  let post = [];
  raw.shards.forEach((_, i) => { post = post.concat(read("post-" + i).post); });
  const shards = [];
  raw.shards = [];
  for (let from = 0, n = 0; from < post.length; from += n % 7 + 1, n++) {
    raw.shards.push(from);
    shards.push({ post: post.slice(from, from + n % 7 + 1) });
  }
  const fetched = [];
  const engine = SearchEngine(raw, (name) => {
    fetched.push(name);
    const m = /^post-(\d+)$/.exec(name);
    const part = m ? shards[+m[1]] : read(name);
    return slow ? new Promise((resolve) => setTimeout(() => resolve(part), 1)) : Promise.resolve(part);
  });
  return { engine, fetched };
}

module.exports = { open, indexDir };
