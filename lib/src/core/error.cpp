// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <vitrum/core/error.hpp>

namespace vitrum {

std::string Location::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (!sheet.empty()) {
        out += fmt::format(" [{}]", sheet);
        if (line > 0) out += fmt::format(" row {}", line);
        if (column > 0) out += fmt::format(" col {}", column);
        return out;
    }
    if (line > 0) out += fmt::format(":{}", line);
    if (line > 0 && column > 0) out += fmt::format(":{}", column);
    return out;
}

std::string quote_for_message(const std::string& text, std::size_t max_chars) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size() && shown < max_chars; ++i, ++shown) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02X}", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > max_chars) out += "…";
    return "'" + out + "'";
}

ParseError::ParseError(Location where, std::string expected, std::string found)
    : Error(fmt::format("{}: expected {}, found {}", where.to_string(), expected,
                        quote_for_message(found))),
      where_(std::move(where)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

ParseError::ParseError(Location where, const std::string& message)
    : Error(fmt::format("{}: {}", where.to_string(), message)), where_(std::move(where)) {}

}  // namespace vitrum
