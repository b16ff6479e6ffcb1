package searchindex

import "strings"

// The word tables of the tokenizer. index.json carries them to static/search.js (its stop,
// same and gloss), so each is written once, here.

// stopWords are too common to help find anything: English, and the Portuguese and Spanish
// words of the same kind (articles, prepositions, "não"), which are rare on an English site
// and so would otherwise weigh as much as a code's name. They are written accents folded.
var stopWords = wordSet(stopList)

func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// stopList is sent to static/search.js in the index.
const stopList = "the and for are but not you your with this that from was were has have had its it is in on of " +
	"to or an as at be by if so a can will than then there their they them what when which who how into about " +
	"my me we our us do does did been being would should could why where just also these those since able such each other very much " +
	"de da do das dos em na nas nos no um uma uns umas ao aos para pra por pelo pela pelos pelas com que se nao ou " +
	"mas mais meu minha seu sua seus suas este esta isto isso esse essa ele ela eu ja foi ser sao muito como quando onde " +
	"el la los las un una unos unas del al en con es pero mi mis su sus lo le les ya muy fue son esto eso cuando donde " +
	"qual quais cual cuales pode podem posso puede pueden puedo voce usted hay " +
	// French, German and Italian, the same kinds of word
	"le les des du une et pas je il elle nous vous ne qui sur dans avec au aux ce cette mon ma mes sa ses leur ont sont ete " +
	"der die das und nicht ein eine einen mit ich wird wurde werden auf fur von zu im den dem sie wir bei nach oder aber wenn kann kein keine noch nur auch dass " +
	"lo gli di del della dei delle che per sono questo questa mio mia anche come ho ha " +
	"ist sind mein meine est " +
	// Indonesian and Turkish (the negations tidak, belum, bukan, değil carry the meaning and stay)
	"yang ke dan dari untuk ini itu saya kami kita sudah ada apa bagaimana kenapa juga dengan atau karena masih padahal tapi nya sih kok " +
	"ve bir bu ile icin gibi ama veya mi mı ne cok"

// sameWord maps the Portuguese and Spanish forms of the words that are on nearly every page
// (error, message, template, send, number) to the English word, so that "erro" or
// "mensagem" weighs as little as "error" or "message" does rather than as a rare word. It is
// sent to static/search.js in the index.
var sameWord = map[string]string{
	"erro": "error", "erros": "error", "errores": "error",
	"mensagem": "message", "mensagens": "message", "mensaje": "message", "mensajes": "message",
	"modelo": "template", "modelos": "template", "plantilla": "template", "plantillas": "template",
	"enviar": "send", "envio": "send", "envia": "send", "enviou": "send", "enviando": "send",
	"enviado": "send", "enviada": "send", "enviados": "send", "enviadas": "send",
	"numero": "number", "numeros": "number",
	"valido": "valid", "valida": "valid", "invalido": "invalid", "invalida": "invalid",
	"invalidos": "invalid", "invalidas": "invalid",
	// Portuguese and Spanish: the domain's other words
	"entregue": "delivered", "entregues": "delivered", "entregar": "delivered", "entrega": "delivered",
	"entregado": "delivered", "entregada": "delivered", "entregados": "delivered", "entregadas": "delivered",
	"bloqueado": "blocked", "bloqueada": "blocked", "bloqueio": "blocked", "bloqueo": "blocked",
	"banido": "banned", "banida": "banned", "banimento": "banned",
	"falha": "failed", "falhou": "failed", "fallo": "failed", "fallido": "failed", "fallida": "failed",
	"pagamento": "payment", "pago": "payment", "conta": "account", "cuenta": "account", "empresa": "business",
	"qualidade": "quality", "calidad": "quality", "aprovado": "approved", "aprovada": "approved",
	"aprobado": "approved", "aprobada": "approved", "rejeitado": "rejected", "rejeitada": "rejected",
	"rechazado": "rejected", "rechazada": "rejected", "recusado": "rejected", "janela": "window", "ventana": "window",
	"pausado": "paused", "pausada": "paused", "pausados": "paused", "pausadas": "paused", "pausa": "paused", "pausar": "paused", "verificacao": "verification", "verificacion": "verification",
	"receber": "receive", "recebendo": "receive", "recibir": "receive", "recibiendo": "receive",
	"telefone": "phone", "telefono": "phone",
	// French, folded ("modèle" is "modele")
	"erreur": "error", "erreurs": "error", "modele": "template", "modeles": "template",
	"envoyer": "send", "envoye": "send", "envoyee": "send", "envoyes": "send", "envoi": "send", "envoie": "send",
	"echec": "failed", "echoue": "failed", "bloque": "blocked", "bloquee": "blocked", "livre": "delivered",
	"distribue": "delivered", "paiement": "payment", "compte": "account", "entreprise": "business",
	"qualite": "quality", "approuve": "approved", "rejete": "rejected", "fenetre": "window",
	"jeton": "token", "delivre": "delivered", "delivres": "delivered", "delivree": "delivered", "remis": "delivered",
	"enregistre": "registered", "destinataire": "recipient", "refusee": "rejected", "refusees": "rejected",
	"averti": "warned", "avertie": "warned", "limite": "limited", "bannie": "banned", "banni": "banned",
	// German, folded ("Qualität" is "qualitat")
	"fehler": "error", "nachricht": "message", "nachrichten": "message", "vorlage": "template", "vorlagen": "template",
	"senden": "send", "gesendet": "send", "versenden": "send", "versendet": "send", "nummer": "number",
	"rufnummer": "number", "telefonnummer": "number", "zugestellt": "delivered", "zustellung": "delivered",
	"blockiert": "blocked", "gesperrt": "blocked", "fehlgeschlagen": "failed", "konto": "account",
	"zahlung": "payment", "genehmigt": "approved", "abgelehnt": "rejected", "qualitat": "quality",
	"unternehmen": "business", "fenster": "window", "ungultig": "invalid", "gultig": "valid",
	"verwarnt": "warned", "geflaggt": "flagged", "nachrichtenvorlage": "template", "nachrichtenvorlagen": "template",
	"anzeigename": "display", "abgelaufen": "expired", "zustellbar": "delivered", "unzustellbar": "delivered",
	"einspruch": "appeal", "qualitatsrating": "quality", "qualitatsbewertung": "quality",
	"geblockt": "blocked", "gebannt": "banned",
	// "Moderation" is what many platforms call Meta's template review, in every language
	"moderation": "review", "moderacao": "review", "moderacion": "review", "moderazione": "review",
	// Italian
	"errore": "error", "errori": "error", "messaggio": "message", "messaggi": "message", "modello": "template",
	"modelli": "template", "inviare": "send", "inviato": "send", "inviata": "send", "inviati": "send", "invio": "send",
	"consegnato": "delivered", "consegnata": "delivered", "consegnati": "delivered", "bloccato": "blocked",
	"bloccata": "blocked", "fallito": "failed", "fallita": "failed", "approvato": "approved", "rifiutato": "rejected",
	"qualita": "quality", "azienda": "business", "finestra": "window",
	"recapitato": "delivered", "recapitati": "delivered", "recapitata": "delivered", "recapitare": "delivered",
	"sospeso": "suspended", "sospensione": "suspended", "limitato": "restricted", "scaduto": "expired",
	"messaggistica": "messaging",
	// Indonesian
	"pesan": "message", "templat": "template", "terkirim": "delivered", "gagal": "failed", "kesalahan": "error",
	"diblokir": "blocked", "blokir": "blocked", "nomor": "number", "batas": "limit", "pembayaran": "payment",
	"disetujui": "approved", "ditolak": "rejected", "kirim": "send", "mengirim": "send", "dikirim": "send",
	"akun": "account", "bisnis": "business", "kualitas": "quality", "verifikasi": "verification", "jendela": "window",
	"tertunda": "pending", "ditangguhkan": "suspended", "nonaktif": "disabled", "terblokir": "blocked",
	"pendaftaran": "registration", "telepon": "phone", "diterima": "receive", "dibaca": "read",
	"terdaftar": "registered", "mendaftarkan": "register", "daftar": "register", "kedaluwarsa": "expired",
	"kadaluarsa": "expired", "sesi": "session", "terputus": "disconnected", "putus": "disconnected",
	"ulang": "again", "resmi": "official", "nama": "name", "tampilan": "display", "dijeda": "paused",
	"ditemukan": "found", "gambar": "image", "pelanggan": "customer", "tersimpan": "saved",
	"pemblokiran": "blocked", "gak": "tidak", "nggak": "tidak", "enggak": "tidak", "ga": "tidak",
	// Turkish, folded as fold does (ö, ü, ç to o, u, c; ş, ğ and ı stay)
	"mesaj": "message", "mesajlar": "message", "mesajı": "message", "şablon": "template", "şablonu": "template",
	"iletildi": "delivered", "iletilmedi": "delivered", "gonderildi": "send", "gonderilemedi": "send",
	"gonderilemiyor": "send", "gonder": "send", "hata": "error", "hatası": "error", "engellendi": "blocked",
	"numara": "number", "numarası": "number", "odeme": "payment", "onaylandı": "approved", "reddedildi": "rejected",
	"hesap": "account", "hesabı": "account", "işletme": "business", "kalite": "quality", "başarısız": "failed",
	"doğrulama": "verification",
	"teslim":    "delivered", "okundu": "read", "bekliyor": "pending", "beklemede": "pending", "askıya": "paused",
	"kısıtlandı": "restricted", "kısıtlı": "restricted", "kayıt": "registration", "sınır": "limit", "telefon": "phone",
	"limiti": "limit", "limitini": "limit", "gonderim": "send", "şablonlar": "template", "pencere": "window",
	"penceresi": "window", "saat": "hours", "saatlik": "hours", "onaylı": "approved", "reddedilmiş": "rejected",
	"engellenirse": "blocked", "engellenebilir": "blocked", "kayıtlı": "registered",
	// What a linked device, a broadcast or a missing message is called, in the languages above
	"desconectado": "disconnected", "desconectada": "disconnected", "desconecta": "disconnected",
	"desconectou": "disconnected", "desconectando": "disconnected", "conectado": "connected", "conectada": "connected",
	"grupo": "group", "grupos": "group", "contato": "contact", "contatos": "contact", "contacto": "contact",
	"contactos": "contact", "cliente": "customer", "clientes": "customer", "imagem": "image", "imagens": "image",
	"imagen": "image", "imagenes": "image", "arquivo": "file", "archivo": "file", "botao": "button", "botoes": "button",
	"boton": "button", "botones": "button", "sessao": "session", "sesion": "session", "dispositivo": "device",
	"atualizacao": "update", "actualizacion": "update", "recebida": "receive", "recebidas": "receive",
	"recebido": "receive", "recebidos": "receive", "recibido": "receive", "recibida": "receive", "recibidos": "receive",
	"masuk": "incoming", "muncul": "showing", "tampil": "showing", "kontak": "contact", "grup": "group", "foto": "photo",
	"dokumen": "document", "berkas": "file", "tautan": "link", "tombol": "button", "siaran": "broadcast",
	"massal": "bulk", "notifikasi": "notification", "terhubung": "connected", "koneksi": "connection",
	"pindai": "scan", "memindai": "scan", "perangkat": "device", "tertaut": "linked", "keluar": "logout",
	"balasan": "reply", "balas": "reply", "membalas": "reply", "centang": "tick", "terima": "receive",
	"menerima": "receive", "kode": "code", "pembaruan": "update", "diperbarui": "update", "versi": "version",
	"lambat": "slow", "terlambat": "late", "duplikat": "duplicate", "dobel": "duplicate", "nomornya": "number",
	"pesannya": "message", "mengirimkan": "send",
	"bildirim": "notification", "bildirimi": "notification", "bildirimler": "notification",
	"bildirimleri": "notification", "spama": "spam", "spamda": "spam", "gelen": "incoming", "gelmiyor": "receive",
	"gelmedi": "receive", "kişi": "contact", "kişiye": "contact", "kişiler": "contact", "kişilere": "contact",
	"muşteri": "customer", "muşteriye": "customer", "muşteriler": "customer", "toplu": "bulk", "engelli": "blocked",
	"banlandı": "banned", "yasaklandı": "banned", "bağlantı": "connection", "bağlantısı": "connection",
	"koptu": "disconnected", "oturum": "session", "oturumu": "session", "okut": "scan", "okutma": "scan",
	"okutunca": "scan", "karekod": "qr", "grubu": "group", "gruba": "group", "resim": "image", "fotoğraf": "photo",
	"dosya": "file", "linki": "link", "buton": "button", "butonu": "button", "duğme": "button", "calışmıyor": "working",
	"gonderirken": "send", "gonderemiyorum": "send", "gonderilmiyor": "send", "gonderiyorum": "send",
	"ulaşmıyor": "delivered", "ulaşmadı": "delivered", "iletilmiyor": "delivered", "durum": "status", "durumu": "status",
	"cihaz": "device", "guncelleme": "update", "surum": "version", "sunucu": "server", "yanıt": "reply", "cevap": "reply",
	"kod": "code", "kodu": "code", "gecikme": "delay", "mesajları": "message", "mesajlarım": "message",
}

// glossary is the domain's vocabulary in languages whose words sameWord cannot list whole:
// Russian inflects them, Chinese and Japanese write without spaces, Arabic attaches its
// article, Hindi adds endings. A word in a non-Latin script that contains one of these
// stems, anywhere, stands for the English word (several stems, several words, in the order
// they appear). Indonesian and Turkish are whole words, in sameWord. Issue 26: languages by
// vocabulary, not by query; the same table runs in the browser (index.json's "gloss").
var glossary = map[string]string{
	// Russian
	"шаблон": "template", "сообщени": "message", "доставл": "delivered", "ошибк": "error", "блокир": "blocked",
	"номер": "number", "окн": "window", "лимит": "limit", "ограничен": "restricted", "оплат": "payment", "платеж": "payment",
	"одобр": "approved", "приостанов": "paused", "бизнес": "business", "аккаунт": "account", "учетн": "account",
	"отклон": "rejected", "отправ": "send", "получ": "receive", "качеств": "quality", "спам": "spam",
	"регистр": "registration", "телефон": "phone", "вебхук": "webhook", "токен": "token", "забан": "banned",
	"доставк": "delivered", "отключ": "disabled", "миграц": "migration", "перенос": "migration", "проверк": "verification",
	"верификац": "verification", "ожидани": "waiting", "ожидает": "pending", "прочит": "read",
	"параметр": "parameter", "количеств": "count", "совпад": "mismatch", "истек": "expired", "истёк": "expired",
	"модерац": "review", "сесси": "session", "апелляц": "appeal",
	"входящ": "incoming", "исходящ": "outgoing", "приход": "receive", "доход": "delivered", "контакт": "contact",
	"клиент": "customer", "рассылк": "broadcast", "массов": "bulk", "уведомлен": "notification", "подключ": "connect",
	"отвалил": "disconnected", "разлогин": "logout", "сканир": "scan", "групп": "group", "фото": "photo",
	"картинк": "image", "изображен": "image", "видео": "video", "файл": "file", "документ": "document",
	"медиа": "media", "ссылк": "link", "кнопк": "button", "статус": "status", "галочк": "tick", "устройств": "device",
	"привязан": "linked", "сеанс": "session", "подтвержд": "confirmation", "обновлен": "update", "верси": "version",
	"сервер": "server", "ответ": "reply", "найден": "found", "неверн": "invalid", "недопустим": "invalid",
	"неправильн": "wrong", "формат": "format", "доступ": "access", "разрешени": "permission", "авториз": "authorization",
	"пароль": "password", "профил": "profile", "отображ": "display", "отсутств": "missing", "язык": "language", "категори": "category",
	"маркетинг": "marketing", "аутентификац": "authentication", "стоимост": "cost", "баланс": "balance",
	"часов": "hours", "жалоб": "report", "повтор": "retry", "дубл": "duplicate", "задержк": "delay", "работ": "working",
	"удален": "deleted", "код": "code", "ватсап": "whatsapp", "вацап": "whatsapp", "вотсап": "whatsapp",
	// Chinese
	"模板": "template", "消息": "message", "信息": "message", "讯息": "message", "送达": "delivered", "发送": "send",
	"失败": "failed", "错误": "error", "封禁": "banned", "封号": "banned", "被封": "banned", "屏蔽": "blocked",
	"拦截": "blocked", "号码": "number", "电话": "phone", "窗口": "window", "小时": "hours", "限制": "limit",
	"限额": "limit", "付款": "payment", "支付": "payment", "审核": "review", "批准": "approved", "暂停": "paused",
	"企业": "business", "商家": "business", "账号": "account", "账户": "account", "帐号": "account", "拒绝": "rejected",
	"接收": "receive", "收不到": "receive", "回调": "webhook", "令牌": "token", "质量": "quality", "验证": "verification",
	"垃圾": "spam", "注册": "registration",
	"模版": "template", "已读": "read", "手机": "phone", "迁移": "migration", "禁用": "disabled", "受限": "restricted",
	"名称": "name", "显示": "display", "商业": "business", "待处理": "pending", "审核中": "pending",
	"参数": "parameter", "数量": "count", "不匹配": "mismatch", "没收到": "receive", "过期": "expired", "扫码": "qr",
	"格式": "format", "申诉": "appeal", "营销": "marketing",
	"收到": "receive", "群发": "broadcast", "群组": "group", "群聊": "group", "联系人": "contact", "客户": "customer",
	"二维码": "qr", "扫描": "scan", "断开": "disconnected", "掉线": "disconnected", "连接": "connection", "登录": "login",
	"退出": "logout", "图片": "image", "视频": "video", "文件": "file", "链接": "link", "按钮": "button", "状态": "status",
	"设备": "device", "会话": "session", "通知": "notification", "更新": "update", "版本": "version",
	"服务器": "server", "回复": "reply", "权限": "permission", "访问": "access", "密码": "password", "语言": "language",
	"余额": "balance", "费用": "cost", "重复": "duplicate", "延迟": "delay", "重试": "retry",
	// Chinese in traditional characters (Taiwan, Hong Kong)
	"訊息": "message", "送達": "delivered", "範本": "template", "樣板": "template", "號碼": "number", "封鎖": "blocked",
	"帳號": "account", "發送": "send", "傳送": "send", "錯誤": "error", "失敗": "failed", "審核": "review",
	"驗證": "verification", "註冊": "registration",
	"被拒": "rejected", "驳回": "rejected", "駁回": "rejected", "不通过": "rejected", "不通過": "rejected",
	"审查": "review", "審查": "review",
	"封號": "banned", "電話": "phone", "小時": "hours", "限額": "limit", "暫停": "paused", "企業": "business",
	"帳戶": "account", "拒絕": "rejected", "回調": "webhook", "質量": "quality", "品質": "quality", "已讀": "read",
	"手機": "phone", "遷移": "migration", "名稱": "name", "顯示": "display", "商業": "business", "待處理": "pending",
	"參數": "parameter", "數量": "count", "沒收到": "receive", "過期": "expired", "掃碼": "qr", "申訴": "appeal",
	"營銷": "marketing", "行銷": "marketing", "群發": "broadcast", "群組": "group", "聯絡人": "contact",
	"聯繫人": "contact", "客戶": "customer", "二維碼": "qr", "掃描": "scan", "斷開": "disconnected",
	"掉線": "disconnected", "連接": "connection", "連線": "connection", "登錄": "login", "登入": "login",
	"圖片": "image", "視頻": "video", "影片": "video", "檔案": "file", "連結": "link", "鏈接": "link",
	"按鈕": "button", "狀態": "status", "設備": "device", "裝置": "device", "會話": "session", "伺服器": "server",
	"服務器": "server", "回覆": "reply", "回復": "reply", "權限": "permission", "密碼": "password", "語言": "language",
	"餘額": "balance", "費用": "cost", "重複": "duplicate", "延遲": "delay", "重試": "retry",
	// The green tick of an official business account, in both scripts; Hong Kong writes 剔 for a tick.
	"官方": "official", "綠剔": "tick", "绿勾": "tick", "綠勾": "tick", "蓝勾": "tick", "藍勾": "tick", "认证": "verification", "認證": "verification",
	// Arabic
	"رسال": "message", "رسائل": "message", "قالب": "template", "قوالب": "template", "تسليم": "delivered",
	"ارسال": "send", "إرسال": "send", "خطأ": "error", "فشل": "failed", "حظر": "blocked", "محظور": "blocked",
	"رقم": "number", "دفع": "payment", "موافق": "approved", "حساب": "account", "رفض": "rejected", "مرفوض": "rejected",
	"جودة": "quality", "توثيق": "verification",
	"نافذة": "window", "حدود": "limit", "تجاري": "business", "أعمال": "business", "تسجيل": "registration",
	"هاتف": "phone", "استلام": "receive", "استقبال": "receive", "إيقاف": "paused", "متوقف": "paused",
	"مراجعة": "review", "مزعج": "spam", "توكن": "token", "تحقق": "verification", "معطل": "disabled",
	"تعطيل": "disabled", "تقييد": "restricted", "مقيد": "restricted", "نموذج": "template", "واتساب": "whatsapp",
	"منته": "expired", "انتهت": "expired", "جلسة": "session", "مستلم": "recipient", "تنسيق": "format",
	"يصل": "delivered", "معتمد": "approved", "تسويق": "marketing",
	"الوصول": "access", "هوك": "webhook", "مؤقت": "temporarily",
	"وارد": "incoming", "عميل": "customer", "عملاء": "customer", "مجموع": "group", "باركود": "qr", "مسح": "scan",
	"اتصال": "connection", "انقطع": "disconnected", "صور": "image", "فيديو": "video", "ملف": "file", "رابط": "link",
	"حالة": "status", "جهاز": "device", "إشعار": "notification", "تحديث": "update", "جماعي": "bulk",
	"يعمل": "working",
	// Hindi
	"टेम्पलेट": "template", "संदेश": "message", "मैसेज": "message", "डिलीवर": "delivered", "भेज": "send",
	"त्रुटि": "error", "एरर": "error", "ब्लॉक": "blocked", "नंबर": "number", "सीमा": "limit", "लिमिट": "limit",
	"भुगतान": "payment", "स्वीकृत": "approved", "खाता": "account", "अकाउंट": "account", "अस्वीकार": "rejected",
	"विफल": "failed", "फेल": "failed", "बैन": "banned", "गुणवत्ता": "quality", "सत्यापन": "verification",
	"विंडो": "window", "वेबहुक": "webhook", "रजिस्टर": "registration", "पंजीकरण": "registration", "फ़ोन": "phone",
	"फोन": "phone", "बिज़नेस": "business", "बिजनेस": "business", "व्यवसाय": "business", "समीक्षा": "review",
	"रिजेक्ट": "rejected", "अप्रूव": "approved", "टोकन": "token", "स्पैम": "spam", "व्हाट्सएप": "whatsapp",
	"व्हॉट्सएप": "whatsapp", "वॉट्सऐप": "whatsapp", "व्हॉट्सऐप": "whatsapp", "क्वालिटी": "quality", "पॉलिसी": "policy",
	"उल्लंघन": "violation", "रिपोर्ट": "report", "ओटीपी": "otp",
	"ग्रुप": "group", "क्यूआर": "qr", "स्कैन": "scan", "कनेक्ट": "connect", "डिस्कनेक्ट": "disconnected",
	"कॉन्टैक्ट": "contact", "ग्राहक": "customer", "फोटो": "photo", "वीडियो": "video", "फाइल": "file", "लिंक": "link",
	"बटन": "button", "स्टेटस": "status", "डिवाइस": "device", "नोटिफिकेशन": "notification", "अपडेट": "update",
	"सर्वर": "server", "जवाब": "reply", "मिल": "receive", "कोड": "code",
}
