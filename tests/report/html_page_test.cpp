// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/report/html_page.hpp>

#include "check.hpp"

using vitrum::report::base64;
using vitrum::report::html_escape;

// Test vectors: RFC 4648 §10.
TEST_CASE("base64 matches the RFC 4648 test vectors, padding included") {
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foob") == "Zm9vYg==");
    CHECK(base64("fooba") == "Zm9vYmE=");
    CHECK(base64("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64 encodes high bytes such as the PNG signature") {
    CHECK(base64(std::string("\x89PNG\r\n\x1a\n", 8)) == "iVBORw0KGgo=");
}

TEST_CASE("html_escape escapes markup characters and keeps UTF-8") {
    CHECK(html_escape("<b>Tg & \"Tx\" 'ΔT'</b>") ==
          "&lt;b&gt;Tg &amp; &quot;Tx&quot; &#39;ΔT&#39;&lt;/b&gt;");
}
