// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON in colour: what each kind of token gets on a light and a dark palette, what stays
// plain (HTML, garbage, text above the cap), and the detail pane and request log using it.
#include "detailpane.h"
#include "increaseclient.h"
#include "jsonhighlighter.h"
#include "requestlogdetail.h"
#include "stagedserver.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kSample = uR"({
    "id": "connection_1",
    "count": -12.5e3,
    "deleted_at": null,
    "active": true,
    "gone": false,
    "tags": [
        "a b"
    ]
})"_s;

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

// The screenshots' dark Fusion palette.
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    return p;
}

// The foreground the highlighter gave the character at `position`; invalid when none.
QColor colourAt(const QTextDocument *document, int position)
{
    const QTextBlock block = document->findBlock(position);
    const int column = position - block.position();
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length &&
            range.format.hasProperty(QTextFormat::ForegroundBrush))
            return range.format.foreground().color();
    }
    return {};
}

// The colour of the first `token` in the document, checked to cover the whole token.
QColor colourOf(const QTextDocument *document, const QString &token)
{
    const QTextCursor found = document->find(token, 0, QTextDocument::FindCaseSensitively);
    if (found.isNull())
        return {};
    const QColor first = colourAt(document, found.selectionStart());
    const QColor last = colourAt(document, found.selectionEnd() - 1);
    return first == last ? first : QColor();
}

bool hasAnyFormat(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!block.layout()->formats().isEmpty())
            return true;
    }
    return false;
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto linear = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double x = luminance(a);
    const double y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

struct Colours
{
    QColor key, string, number, literal, punctuation;
};

Colours coloursIn(const QTextDocument *document)
{
    return {colourOf(document, u"\"id\""_s), colourOf(document, u"\"connection_1\""_s),
            colourOf(document, u"-12.5e3"_s), colourOf(document, u"null"_s),
            colourOf(document, u"{"_s)};
}

// An editor with the highlighter, showing `text` on `palette`.
std::unique_ptr<QPlainTextEdit> editorWith(const QString &text,
                                           const QPalette &palette = lightPalette())
{
    auto editor = std::make_unique<QPlainTextEdit>();
    editor->setPalette(palette);
    new JsonHighlighter(editor.get());
    editor->setPlainText(text);
    return editor;
}

QByteArray connectionJson()
{
    return R"({"id":"connection_1","created_at":"2024-01-01T00:00:00Z","deleted_at":null,)"
           R"("group_id":"group_1","oauth_application_id":"application_1","status":"active",)"
           R"("type":"oauth_connection"})";
}

RequestLogEntry entryWith(int status, const QByteArray &contentType, const QByteArray &body)
{
    RequestLogEntry entry;
    entry.method = "GET";
    entry.url = QUrl(u"https://api.increase.com/oauth_connections"_s);
    entry.httpStatus = status;
    entry.responseHeaders = {{"Content-Type", contentType}};
    entry.responseBody = body;
    return entry;
}

} // namespace

class TestJsonHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coloursEachKindOfToken();
    void lightAndDarkPalettesReadWell();
    void recoloursWhenThePaletteChanges_data();
    void recoloursWhenThePaletteChanges();
    void colourOnlyWhatTokenises_data();
    void colourOnlyWhatTokenises();
    void randomBytesStayHarmless();
    void aVeryLongLineIsColoured();
    void textAboveTheCapStaysPlain();
    void detailPaneColoursTheConnectionJson();
    void requestLogColoursJsonBodiesOnly();
};

void TestJsonHighlighter::coloursEachKindOfToken()
{
    const auto editor = editorWith(kSample);
    const QTextDocument *document = editor->document();
    const Colours c = coloursIn(document);
    const QColor text = editor->palette().color(QPalette::Text);
    for (const QColor &colour : {c.key, c.string, c.number, c.literal, c.punctuation}) {
        QVERIFY(colour.isValid());
        QVERIFY(colour != text);
    }
    QCOMPARE(QSet<QRgb>({c.key.rgb(), c.string.rgb(), c.number.rgb(), c.literal.rgb(),
                         c.punctuation.rgb()})
                 .size(),
             5);
    // Each key is a key, each value a value; true and false are literals like null.
    QCOMPARE(colourOf(document, u"\"tags\""_s), c.key);
    QCOMPARE(colourOf(document, u"\"a b\""_s), c.string);
    QCOMPARE(colourOf(document, u"true"_s), c.literal);
    QCOMPARE(colourOf(document, u"false"_s), c.literal);
    QCOMPARE(colourOf(document, u"]"_s), c.punctuation);
    QCOMPARE(colourOf(document, u":"_s), c.punctuation);
    // Spaces between tokens stay plain.
    QVERIFY(!colourAt(document, int(kSample.indexOf(u"\"id\""_s)) - 1).isValid());
}

void TestJsonHighlighter::lightAndDarkPalettesReadWell()
{
    const auto light = editorWith(kSample, lightPalette());
    const auto dark = editorWith(kSample, darkPalette());
    const Colours onLight = coloursIn(light->document());
    const Colours onDark = coloursIn(dark->document());
    const QColor lightBase = lightPalette().color(QPalette::Base);
    const QColor darkBase = darkPalette().color(QPalette::Base);
    const QList<QPair<QColor, QColor>> tokens = {{onLight.key, onDark.key},
                                                 {onLight.string, onDark.string},
                                                 {onLight.number, onDark.number},
                                                 {onLight.literal, onDark.literal}};
    for (const auto &[l, d] : tokens) {
        QVERIFY(l != d);
        // WCAG AA for normal text.
        QVERIFY2(contrast(l, lightBase) >= 4.5, qPrintable(l.name()));
        QVERIFY2(contrast(d, darkBase) >= 4.5, qPrintable(d.name()));
    }
    // Punctuation recedes but stays legible.
    QVERIFY(onLight.punctuation != onDark.punctuation);
    QVERIFY(contrast(onLight.punctuation, lightBase) >= 3.0);
    QVERIFY(contrast(onDark.punctuation, darkBase) >= 3.0);
    QVERIFY(contrast(onLight.punctuation, lightBase) <
            contrast(lightPalette().color(QPalette::Text), lightBase));
    QVERIFY(contrast(onDark.punctuation, darkBase) <
            contrast(darkPalette().color(QPalette::Text), darkBase));
}

void TestJsonHighlighter::recoloursWhenThePaletteChanges_data()
{
    QTest::addColumn<QString>("whose");
    QTest::newRow("the editor's") << u"editor"_s;
    QTest::newRow("its window's") << u"parent"_s;
    QTest::newRow("the application's") << u"application"_s;
}

void TestJsonHighlighter::recoloursWhenThePaletteChanges()
{
    QFETCH(QString, whose);
    const QPalette before = QApplication::palette();
    QApplication::setPalette(lightPalette());
    QWidget window;
    auto *editor = new QPlainTextEdit(&window);
    new JsonHighlighter(editor);
    editor->setPlainText(kSample);
    const Colours onLight = coloursIn(editor->document());
    QVERIFY(onLight.key.isValid());

    if (whose == u"editor")
        editor->setPalette(darkPalette());
    else if (whose == u"parent")
        window.setPalette(darkPalette());
    else
        QApplication::setPalette(darkPalette()); // reaches the widgets through the event loop
    const auto recoloured = [&] {
        return coloursIn(editor->document()).key != onLight.key;
    };
    const bool changed = QTest::qWaitFor(recoloured);
    const Colours onDark = coloursIn(editor->document());
    QApplication::setPalette(before);

    QVERIFY(changed);
    QVERIFY(onDark.key.isValid());
    QVERIFY(onDark.punctuation != onLight.punctuation);
    QVERIFY(contrast(onDark.key, darkPalette().color(QPalette::Base)) >= 4.5);
}

void TestJsonHighlighter::colourOnlyWhatTokenises_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("coloured");
    QTest::addColumn<QStringList>("plain");
    QTest::newRow("unterminated string")
        << u"{\"a\": \"unterminated"_s << QStringList{u"\"a\""_s, u"\"unterminated"_s}
        << QStringList{};
    QTest::newRow("proxy's HTML") << u"<html><body>502 Bad Gateway</body></html>"_s << QStringList{}
                                  << QStringList{u"html"_s, u"502"_s, u"Bad"_s};
    QTest::newRow("HTML over lines")
        << u"<html>\n<body>\n502 Bad Gateway\nnull\n\"quoted\"\n</body>\n</html>"_s << QStringList{}
        << QStringList{u"502"_s, u"null"_s, u"\"quoted\""_s};
    QTest::newRow("cut-off body") << u"{\"data\":[{\"id\":\"connection_1\",\"n\":12,\"ok\":tr"_s
                                  << QStringList{u"\"data\""_s, u"\"connection_1\""_s, u"12"_s}
                                  << QStringList{u"tr"_s};
    QTest::newRow("text after the JSON")
        << u"{\"a\": 1}\nnot json\n{\"b\": 2}"_s << QStringList{u"\"a\""_s, u"1"_s}
        << QStringList{u"not"_s, u"\"b\""_s, u"2"_s};
    QTest::newRow("a string across lines")
        << u"{\"a\": \"line one\nline two\", \"b\": 3}"_s
        << QStringList{u"line two\""_s, u"\"b\""_s, u"3"_s} << QStringList{};
    QTest::newRow("not quite literals")
        << u"[nullx]"_s << QStringList{u"["_s} << QStringList{u"nullx"_s};
    QTest::newRow("not quite numbers") << u"[01]"_s << QStringList{u"["_s} << QStringList{u"01"_s};
    QTest::newRow("escaped quotes")
        << uR"({"say \"hi\"": "a \\", "b": "\\\""})"_s
        << QStringList{uR"("say \"hi\"")"_s, uR"("a \\")"_s, uR"("\\\"")"_s} << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{} << QStringList{};
}

void TestJsonHighlighter::colourOnlyWhatTokenises()
{
    QFETCH(QString, text);
    QFETCH(QStringList, coloured);
    QFETCH(QStringList, plain);
    const auto editor = editorWith(text);
    const QTextDocument *document = editor->document();
    for (const QString &token : coloured)
        QVERIFY2(colourOf(document, token).isValid(), qPrintable(token));
    for (const QString &token : plain) {
        const QTextCursor found = document->find(token, 0, QTextDocument::FindCaseSensitively);
        QVERIFY2(!found.isNull(), qPrintable(token));
        for (int at = found.selectionStart(); at < found.selectionEnd(); ++at)
            QVERIFY2(!colourAt(document, at).isValid(), qPrintable(token));
    }
    if (coloured.isEmpty())
        QVERIFY(!hasAnyFormat(document));
}

void TestJsonHighlighter::randomBytesStayHarmless()
{
    for (quint32 seed = 1; seed <= 20; ++seed) {
        QRandomGenerator random(seed);
        QByteArray bytes(16 * 1024, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(random.bounded(256));
        // Half the time mostly JSON's own characters, so the tokeniser gets further in.
        if (seed % 2 == 0) {
            static const char kJsonish[] = "{}[],:\"\\ \n0123456789-+.eEtruefalsn";
            for (char &b : bytes)
                b = kJsonish[random.bounded(int(sizeof kJsonish) - 1)];
        }
        for (const QString &text : {QString::fromUtf8(bytes), QString::fromLatin1(bytes)}) {
            const auto editor = editorWith(text);
            QVERIFY(!editor->document()->isEmpty());
        }
    }
}

void TestJsonHighlighter::aVeryLongLineIsColoured()
{
    // Minified, as a body that did not parse is shown: one line of about 300 KiB.
    QStringList rows;
    for (int i = 0; i < 2500; ++i)
        rows << uR"({"id":"connection_%1","n":%1,"deleted_at":null,"ok":true})"_s.arg(i);
    const QString text = u'[' + rows.join(u',') + u']';
    QVERIFY(text.size() > 128 * 1024 && text.size() < JsonHighlighter::kMaxHighlightedCharacters);
    const auto editor = editorWith(text);
    QCOMPARE(editor->document()->blockCount(), 1);
    const Colours c = coloursIn(editor->document());
    QCOMPARE(colourAt(editor->document(), int(text.lastIndexOf(u"true"_s))), c.literal);
    QCOMPARE(colourAt(editor->document(), int(text.lastIndexOf(u"\"n\""_s))), c.key);
}

void TestJsonHighlighter::textAboveTheCapStaysPlain()
{
    // Valid, pretty-printed JSON: an array of numbers, one a line.
    const auto jsonOfSize = [](int size) -> QString {
        QString text = u"[\n"_s;
        while (text.size() < size - 16)
            text += u"    1234567890,\n"_s;
        return text + u"    1\n]"_s;
    };
    const int cap = JsonHighlighter::kMaxHighlightedCharacters;
    const auto below = editorWith(jsonOfSize(cap - 100));
    QVERIFY(colourOf(below->document(), u"1234567890"_s).isValid());
    const auto above = editorWith(jsonOfSize(cap + 100));
    QVERIFY(above->document()->characterCount() > cap);
    QVERIFY(!hasAnyFormat(above->document()));
}

void TestJsonHighlighter::detailPaneColoursTheConnectionJson()
{
    StagedServer server;
    server.stage(200, connectionJson());
    ClientConfig config;
    config.baseUrl = server.url();
    config.apiKey = u"k"_s;
    IncreaseClient client(config);
    DetailPane pane;
    pane.setSource(&client, nullptr);
    const auto *highlighter = pane.findChild<JsonHighlighter *>(u"jsonHighlighter"_s);
    QVERIFY(highlighter);
    const auto *json = pane.findChild<QPlainTextEdit *>();
    QCOMPARE(highlighter->document(), json->document());

    pane.showConnection(u"connection_1"_s);
    QTRY_COMPARE(pane.shownId(), u"connection_1"_s);
    const QTextDocument *document = json->document();
    QVERIFY(document->toPlainText().contains(u"\"group_id\""_s));
    const QColor key = colourOf(document, u"\"group_id\""_s);
    const QColor string = colourOf(document, u"\"group_1\""_s);
    const QColor literal = colourOf(document, u"null"_s);
    QVERIFY(key.isValid() && string.isValid() && literal.isValid());
    QVERIFY(key != string && string != literal && key != literal);
}

void TestJsonHighlighter::requestLogColoursJsonBodiesOnly()
{
    RequestLogDetail detail;
    const auto *highlighter = detail.findChild<JsonHighlighter *>(u"jsonHighlighter"_s);
    QVERIFY(highlighter);
    const QTextDocument *body = nullptr;
    const QList<QPlainTextEdit *> texts = detail.findChildren<QPlainTextEdit *>();
    for (const QPlainTextEdit *text : texts) {
        if (text->accessibleName() == u"Response body")
            body = text->document();
    }
    QVERIFY(body);
    QCOMPARE(highlighter->document(), body);

    const QByteArray error = R"({"type":"internal_server_error","status":500,"detail":null})";
    detail.showEntry(entryWith(500, "application/json", error));
    QVERIFY(colourOf(body, u"\"type\""_s).isValid());
    QVERIFY(colourOf(body, u"500"_s).isValid());

    // A proxy's page: plain, even where it holds digits or words JSON knows.
    detail.showEntry(entryWith(502, "text/html",
                               "<html>\n<body>\n502\nnull\n\"Bad Gateway\"\n</body>\n</html>"));
    QCOMPARE(detail.bodyText(), u"<html>\n<body>\n502\nnull\n\"Bad Gateway\"\n</body>\n</html>"_s);
    QVERIFY(!hasAnyFormat(body));
    // A text body that is not JSON, whatever its first characters.
    detail.showEntry(entryWith(503, "text/plain", "1 upstream unavailable\n\"retry\": true"));
    QVERIFY(!hasAnyFormat(body));

    // JSON again after HTML; a body cut at the log's cap, which no longer parses, by its
    // type; JSON without a type, by parsing.
    detail.showEntry(entryWith(200, "application/json", connectionJson()));
    QVERIFY(colourOf(body, u"\"group_id\""_s).isValid());
    detail.showEntry(
        entryWith(200, "application/json; charset=utf-8", connectionJson().chopped(30)));
    QVERIFY(colourOf(body, u"\"group_id\""_s).isValid());
    detail.showEntry(entryWith(200, QByteArray(), connectionJson()));
    QVERIFY(colourOf(body, u"\"group_id\""_s).isValid());
}

QTEST_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
