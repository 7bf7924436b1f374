#!/usr/bin/env node
/* Writes src/search/stem/<language>.js: one Snowball stemmer per file, for the browser side of
   the search tokenizer (src/search/tokens.rs stems with the rust-stemmers crate; both come from
   the same Snowball algorithms, and tests/search/vectors.json checks that they agree).

   Source: the `snowball-stemmers` npm package 0.6.0 (ISC licence, Oleg Mazko), one bundle of
   every language. This script writes its shared runtime once (stem/base.js) and one
   language's class per file, without indentation and blank lines; src/search/format.rs
   (stemmer_script) joins the runtime and one class into the published search/stem.js, which
   registers `window.guideSearch.stem`.

   usage: npm pack snowball-stemmers@0.6.0 && tar xzf snowball-stemmers-0.6.0.tgz
          node scripts/vendor_stemmers.js package/snowball-stemmers.js */
"use strict";
var fs = require("fs"), path = require("path");
var LANGS = ["arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian",
  "italian", "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish", "tamil",
  "turkish"];
var src = fs.readFileSync(process.argv[2], "utf8").split("\n");
function lineOf(re, from) {
  for (var i = from || 0; i < src.length; i++) if (re.test(src[i])) return i;
  throw new Error("not found: " + re);
}
var runtimeStart = lineOf(/^    function _possibleConstructorReturn/);
var runtimeEnd = lineOf(/^    var arabicStemmer = function/);
var runtime = src.slice(runtimeStart, runtimeEnd);
var out = path.join(__dirname, "..", "src", "search", "stem");
function squeeze(lines) {
  return lines.map(function (l) { return l.trim(); }).filter(function (l) { return l; }).join("\n");
}
fs.writeFileSync(path.join(out, "base.js"), squeeze(runtime) + "\n");
LANGS.forEach(function (lang) {
  var start = lineOf(new RegExp("^    var " + lang + "Stemmer = function"));
  var end = lineOf(new RegExp("^    }\\(SnowballStemmer\\);"), start);
  fs.writeFileSync(path.join(out, lang + ".js"), squeeze(src.slice(start, end + 1)) + "\n");
});
