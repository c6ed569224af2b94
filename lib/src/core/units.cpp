// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum {
namespace {

enum Base { kL = 0, kM = 1, kT = 2, kTheta = 3, kN = 4, kI = 5 };

Dimension dim(std::initializer_list<std::pair<Base, int>> parts) {
    Dimension d;
    for (const auto& [base, power] : parts) d.exponent[base] += power;
    return d;
}

struct UnitAtom {
    const char* symbol;
    double factor;
    Dimension dimension;
    bool prefixable;
};

// Base and derived units that occur in instrument exports and material tables.
const std::vector<UnitAtom>& atoms() {
    static const std::vector<UnitAtom> table = {
        {"m", 1.0, dim({{kL, 1}}), true},
        {"g", 1e-3, dim({{kM, 1}}), true},
        {"s", 1.0, dim({{kT, 1}}), true},
        {"sec", 1.0, dim({{kT, 1}}), false},
        {"min", 60.0, dim({{kT, 1}}), false},
        {"h", 3600.0, dim({{kT, 1}}), false},
        {"hr", 3600.0, dim({{kT, 1}}), false},
        {"K", 1.0, dim({{kTheta, 1}}), true},
        {"°C", 1.0, dim({{kTheta, 1}}), false},
        {"℃", 1.0, dim({{kTheta, 1}}), false},
        {"degC", 1.0, dim({{kTheta, 1}}), false},
        {"°", 1.0, dim({{kTheta, 1}}), false},
        {"°F", 5.0 / 9.0, dim({{kTheta, 1}}), false},
        {"mol", 1.0, dim({{kN, 1}}), true},
        {"A", 1.0, dim({{kI, 1}}), true},
        {"N", 1.0, dim({{kM, 1}, {kL, 1}, {kT, -2}}), true},
        {"gf", 9.80665e-3, dim({{kM, 1}, {kL, 1}, {kT, -2}}), true},
        {"Pa", 1.0, dim({{kM, 1}, {kL, -1}, {kT, -2}}), true},
        {"bar", 1e5, dim({{kM, 1}, {kL, -1}, {kT, -2}}), true},
        {"J", 1.0, dim({{kM, 1}, {kL, 2}, {kT, -2}}), true},
        {"cal", 4.184, dim({{kM, 1}, {kL, 2}, {kT, -2}}), true},
        {"eV", 1.602176634e-19, dim({{kM, 1}, {kL, 2}, {kT, -2}}), true},
        {"W", 1.0, dim({{kM, 1}, {kL, 2}, {kT, -3}}), true},
        {"V", 1.0, dim({{kM, 1}, {kL, 2}, {kT, -3}, {kI, -1}}), true},
        {"Hz", 1.0, dim({{kT, -1}}), true},
        {"L", 1e-3, dim({{kL, 3}}), true},
        {"l", 1e-3, dim({{kL, 3}}), true},
        {"Å", 1e-10, dim({{kL, 1}}), false},
        {"%", 1e-2, Dimension{}, false},
        {"1", 1.0, Dimension{}, false},
    };
    return table;
}

struct Prefix {
    const char* symbol;
    double factor;
};

const std::vector<Prefix>& prefixes() {
    static const std::vector<Prefix> table = {
        {"y", 1e-24}, {"z", 1e-21}, {"a", 1e-18}, {"f", 1e-15}, {"p", 1e-12}, {"n", 1e-9},
        {"µ", 1e-6},  {"μ", 1e-6},  {"u", 1e-6},  {"m", 1e-3},  {"c", 1e-2},  {"d", 1e-1},
        {"k", 1e3},   {"M", 1e6},   {"G", 1e9},   {"T", 1e12},
    };
    return table;
}

// Every spelling the parser accepts (bare units, then prefix + prefixable unit), bucketed by
// first byte and ordered longest first, so that a unit is one short scan of its bucket.
struct Symbol {
    std::string text;
    const UnitAtom* atom;
    double prefix;
};

using SymbolBuckets = std::array<std::vector<Symbol>, 256>;

const SymbolBuckets& symbols_by_first_byte() {
    static const SymbolBuckets buckets = [] {
        std::vector<Symbol> all;
        for (const auto& a : atoms()) all.push_back({a.symbol, &a, 1.0});
        for (const auto& p : prefixes()) {
            for (const auto& a : atoms()) {
                if (a.prefixable) all.push_back({std::string(p.symbol) + a.symbol, &a, p.factor});
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const Symbol& x, const Symbol& y) {
            return x.text.size() > y.text.size();
        });
        SymbolBuckets out;
        for (auto& s : all) out[static_cast<unsigned char>(s.text[0])].push_back(std::move(s));
        return out;
    }();
    return buckets;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

struct Term {
    double factor = 1.0;
    Dimension dimension;
    bool is_temperature_scale = false;  // °C / °F alone carries an offset
    double offset = 0.0;
};

// Dimension exponents of real units stay within ±4; the parser refuses beyond ±kMaxExponent.
// Products are formed in 64 bits and clamped, so that no damaged unit overflows an int.
constexpr int kMaxExponent = 64;

int clamp_exponent(long long e) {
    return static_cast<int>(std::max<long long>(-1000, std::min<long long>(1000, e)));
}

Term power(Term t, int p) {
    Term out;
    out.factor = std::pow(t.factor, p);
    for (std::size_t i = 0; i < 6; ++i) {
        out.dimension.exponent[i] =
            clamp_exponent(static_cast<long long>(t.dimension.exponent[i]) * p);
    }
    return out;
}

Term multiply(const Term& a, const Term& b, int sign) {
    Term out;
    out.factor = sign > 0 ? a.factor * b.factor : a.factor / b.factor;
    for (std::size_t i = 0; i < 6; ++i) {
        out.dimension.exponent[i] = clamp_exponent(static_cast<long long>(a.dimension.exponent[i]) +
                                                   sign * b.dimension.exponent[i]);
    }
    return out;
}

// Thrown instead of a UnitError when only "is this a unit?" is asked: no message is built.
struct NotAUnit {};

// Recursive-descent parser over a UTF-8 unit string.
class UnitParser {
public:
    enum class Failure { message, quiet };
    explicit UnitParser(std::string_view text, Failure failure = Failure::message)
        : text_(text), failure_(failure) {}

    Term parse() {
        Term t = expression();
        skip_spaces();
        if (pos_ != text_.size()) fail("unexpected text");
        check_exponents(t);
        return t;
    }

private:
    [[noreturn]] void fail(const char* why) const {
        if (failure_ == Failure::quiet) throw NotAUnit{};
        throw UnitError(fmt::format("cannot read unit '{}': {} at '{}'", std::string(text_), why,
                                    std::string(text_.substr(pos_))));
    }

    void check_exponents(const Term& t) const {
        for (const int e : t.dimension.exponent) {
            if (e > kMaxExponent || e < -kMaxExponent) fail("dimension exponent beyond ±64");
        }
    }

    void skip_spaces() {
        while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    }

    bool at_multiply() {
        // "·" (U+00B7), "⋅" (U+22C5), "*", "." or a space between terms multiply.
        skip_spaces();
        const auto rest = text_.substr(pos_);
        for (std::string_view op : {"·", "⋅", "*", "."}) {
            if (starts_with(rest, op)) {
                pos_ += op.size();
                return true;
            }
        }
        return false;
    }

    Term expression() {
        Term result = factor();
        for (;;) {
            const std::size_t before = pos_;
            skip_spaces();
            if (pos_ < text_.size() && text_[pos_] == '/') {
                ++pos_;
                result = multiply(result, factor(), -1);
                continue;
            }
            pos_ = before;
            if (at_multiply()) {
                result = multiply(result, factor(), +1);
                continue;
            }
            // Juxtaposition ("J mol", "Wg^-1"): another unit starts right here.
            skip_spaces();
            if (pos_ < text_.size() && starts_unit(text_.substr(pos_))) {
                const std::size_t save = pos_;
                try {
                    result = multiply(result, factor(), +1);
                    continue;
                } catch (const UnitError&) {
                    pos_ = save;
                } catch (const NotAUnit&) {
                    pos_ = save;
                }
            }
            pos_ = before;
            return result;
        }
    }

    static bool starts_unit(std::string_view rest) {
        if (rest.empty()) return false;
        const unsigned char c = static_cast<unsigned char>(rest[0]);
        return std::isalpha(c) || c == '(' || c >= 0x80 || c == '%';
    }

    Term factor() {
        skip_spaces();
        Term base;
        if (pos_ < text_.size() && text_[pos_] == '(') {
            // Units nest brackets two or three deep; a damaged header of thousands of '(' must
            // fail here, not overflow the stack (found by fuzzing the TA and Pyris readers).
            if (depth_ == kMaxDepth) fail("brackets nested deeper than 8");
            ++pos_;
            struct Nested {  // one bracket level deeper until this factor ends, thrown or not
                int& depth;
                explicit Nested(int& d) : depth(++d) {}
                ~Nested() { --depth; }
            } nested(depth_);
            base = expression();
            skip_spaces();
            if (pos_ >= text_.size() || text_[pos_] != ')') fail("missing ')'");
            ++pos_;
        } else {
            base = atom();
        }
        const Term raised = power(base, exponent());
        check_exponents(raised);
        return raised;
    }

    int exponent() {
        const auto rest = text_.substr(pos_);
        if (starts_with(rest, "²")) {
            pos_ += std::strlen("²");
            return 2;
        }
        if (starts_with(rest, "³")) {
            pos_ += std::strlen("³");
            return 3;
        }
        if (starts_with(rest, "⁻¹")) {
            pos_ += std::strlen("⁻¹");
            return -1;
        }
        std::size_t p = pos_;
        if (p < text_.size() && text_[p] == '^') ++p;
        const bool caret = p != pos_;
        int sign = 1;
        if (p < text_.size() && (text_[p] == '-' || text_[p] == '+')) {
            sign = text_[p] == '-' ? -1 : 1;
            ++p;
        }
        std::size_t digits_begin = p;
        while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) ++p;
        if (p == digits_begin) {
            if (caret) fail("missing exponent after '^'");
            return 1;
        }
        if (p - digits_begin > 2) fail("exponent beyond 99");
        int value = 0;
        std::from_chars(text_.data() + digits_begin, text_.data() + p, value);
        pos_ = p;
        return sign * value;
    }

    Term atom() {
        // Longest spelling first ("min" before "m", "mmol" before "m"); at equal length a bare
        // unit beats a prefixed one, then table order decides.
        const auto rest = text_.substr(pos_);
        const Symbol* match = nullptr;
        if (!rest.empty()) {
            for (const Symbol& s : symbols_by_first_byte()[static_cast<unsigned char>(rest[0])]) {
                if (starts_with(rest, s.text)) {
                    match = &s;
                    break;
                }
            }
        }
        if (match == nullptr) fail("unknown unit");
        pos_ += match->text.size();
        const UnitAtom* best = match->atom;
        Term t;
        t.factor = match->prefix * best->factor;
        t.dimension = best->dimension;
        const std::string_view sym = best->symbol;
        if (sym == "°C" || sym == "℃" || sym == "degC" || sym == "°") {
            t.is_temperature_scale = true;
            t.offset = kCelsiusOffset_K;
        } else if (sym == "°F") {
            t.is_temperature_scale = true;
            t.offset = 273.15 - 32.0 * 5.0 / 9.0;
        }
        return t;
    }

    static constexpr int kMaxDepth = 8;
    std::string_view text_;
    Failure failure_;
    std::size_t pos_ = 0;
    int depth_ = 0;  ///< brackets open at pos_
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string normalise_unit_text(std::string_view raw) {
    std::string s(trim(raw));
    // "deg C" / "deg. C" spellings and a stray "o" for degree are common in old exports.
    for (const char* from : {"deg C", "deg. C", "deg.C"}) {
        auto at = s.find(from);
        if (at != std::string::npos) s.replace(at, std::strlen(from), "degC");
    }
    return s;
}

}  // namespace

bool Dimension::dimensionless() const {
    for (int e : exponent) {
        if (e != 0) return false;
    }
    return true;
}

std::string Dimension::si_name() const {
    static const std::vector<std::pair<Dimension, const char*>> named = {
        {Dimension{}, "1"},
        {dim({{kL, 1}}), "m"},
        {dim({{kL, 2}}), "m^2"},
        {dim({{kL, 3}}), "m^3"},
        {dim({{kM, 1}}), "kg"},
        {dim({{kT, 1}}), "s"},
        {dim({{kT, -1}}), "1/s"},
        {dim({{kTheta, 1}}), "K"},
        {dim({{kTheta, 1}, {kT, -1}}), "K/s"},
        {dim({{kM, 1}, {kL, 1}, {kT, -2}}), "N"},
        {dim({{kM, 1}, {kT, -2}}), "N/m"},
        {dim({{kM, 1}, {kL, -1}, {kT, -2}}), "Pa"},
        {dim({{kM, 1}, {kL, -1}, {kT, -1}}), "Pa s"},
        {dim({{kM, 1}, {kL, 2}, {kT, -2}}), "J"},
        {dim({{kM, 1}, {kL, 2}, {kT, -3}}), "W"},
        {dim({{kL, 2}, {kT, -3}}), "W/kg"},
        {dim({{kL, 2}, {kT, -2}}), "J/kg"},
        {dim({{kL, 2}, {kT, -2}, {kTheta, -1}}), "J/(kg K)"},
        {dim({{kM, 1}, {kL, 2}, {kT, -2}, {kTheta, -1}}), "J/K"},
        {dim({{kM, 1}, {kL, 2}, {kT, -2}, {kN, -1}}), "J/mol"},
        {dim({{kM, 1}, {kL, 2}, {kT, -2}, {kN, -1}, {kTheta, -1}}), "J/(mol K)"},
        {dim({{kL, 3}, {kN, -1}}), "m^3/mol"},
        {dim({{kM, 1}, {kT, -2}}), "J/m^2"},
        {dim({{kM, 1}, {kL, 2}, {kT, -3}, {kI, -1}}), "V"},
        {dim({{kL, 3}, {kT, -1}}), "m^3/s"},
        {dim({{kL, 2}, {kT, -1}}), "m^2/s"},
        {dim({{kL, 1}, {kT, -1}}), "m/s"},
        {dim({{kM, 1}, {kN, -1}}), "kg/mol"},
        {dim({{kM, 1}, {kL, -3}}), "kg/m^3"},
        {dim({{kL, -3}, {kT, -1}}), "1/(m^3 s)"},
    };
    for (const auto& [d, name] : named) {
        if (d == *this) return name;
    }
    static const char* symbols[6] = {"m", "kg", "s", "K", "mol", "A"};
    std::string out;
    for (std::size_t i = 0; i < 6; ++i) {
        if (exponent[i] == 0) continue;
        if (!out.empty()) out += ' ';
        out += symbols[i];
        if (exponent[i] != 1) out += fmt::format("^{}", exponent[i]);
    }
    return out;
}

UnitConversion parse_unit(std::string_view text) {
    const std::string normalised = normalise_unit_text(text);
    if (normalised.empty()) throw UnitError("empty unit");
    UnitParser parser(normalised);
    const Term t = parser.parse();
    UnitConversion out;
    out.factor = t.factor;
    out.dimension = t.dimension;
    out.text = std::string(text);
    // Only a temperature scale that is the whole expression is absolute.
    static const char* scales[] = {"°C", "℃", "degC", "°", "°F"};
    for (const char* s : scales) {
        if (normalised == s) {
            out.offset = std::string_view(s) == "°F" ? 273.15 - 32.0 * 5.0 / 9.0 : kCelsiusOffset_K;
        }
    }
    return out;
}

bool is_unit(std::string_view text) noexcept {
    // Most text asked about is not a unit: what no unit can start is refused without parsing,
    // and a parse that fails throws no message.
    const std::string_view t = trim(text);
    if (t.empty()) return false;
    const auto first = static_cast<unsigned char>(t.front());
    if (first != '(' && symbols_by_first_byte()[first].empty()) return false;
    try {
        (void)UnitParser(normalise_unit_text(t), UnitParser::Failure::quiet).parse();
        return true;
    } catch (...) {
        return false;
    }
}

double convert_unit(double value, std::string_view from, std::string_view to) {
    const UnitConversion a = parse_unit(from);
    const UnitConversion b = parse_unit(to);
    if (a.dimension != b.dimension) {
        throw UnitError(fmt::format("cannot convert '{}' ({}) to '{}' ({}): dimensions differ",
                                    std::string(from), a.si_name(), std::string(to), b.si_name()));
    }
    return b.from_si(a.to_si(value));
}

NameAndUnit split_name_and_unit(std::string_view header) {
    const std::string_view h = trim(header);
    NameAndUnit out{std::string(h), ""};
    if (h.empty()) return out;
    // "Name (unit)" or "Name [unit]" at the end.
    const char close = h.back();
    if (close == ')' || close == ']') {
        const char open = close == ')' ? '(' : '[';
        int depth = 0;
        for (std::size_t i = h.size(); i-- > 0;) {
            if (h[i] == close) ++depth;
            if (h[i] == open && --depth == 0) {
                std::string_view name = trim(h.substr(0, i));
                const std::string_view unit = trim(h.substr(i + 1, h.size() - i - 2));
                // NETZSCH writes "DSC/(mW/mg)": the slash before the bracket separates.
                if (!name.empty() && name.back() == '/')
                    name = trim(name.substr(0, name.size() - 1));
                if (!name.empty() && is_unit(unit)) return {std::string(name), std::string(unit)};
                break;
            }
        }
    }
    // "Name/unit" (NETZSCH "Temp./°C", "Time/min").
    const auto slash = h.find('/');
    if (slash != std::string_view::npos && slash > 0) {
        const std::string_view unit = trim(h.substr(slash + 1));
        if (is_unit(unit)) return {std::string(trim(h.substr(0, slash))), std::string(unit)};
    }
    // "Name_unit" (Hysitron "Force_µN", "Time_s").
    const auto underscore = h.rfind('_');
    if (underscore != std::string_view::npos && underscore > 0) {
        const std::string_view unit = h.substr(underscore + 1);
        if (is_unit(unit)) return {std::string(h.substr(0, underscore)), std::string(unit)};
    }
    return out;
}

ParsedQuantity parse_quantity(std::string_view text) {
    const std::string_view t = trim(text);
    double value = 0.0;
    const char* begin = t.data();
    const char* end = t.data() + t.size();
    if (begin != end && *begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc() || !std::isfinite(value)) {
        throw UnitError(
            fmt::format("cannot read quantity '{}': expected a number first", std::string(text)));
    }
    const std::string_view unit = trim(std::string_view(result.ptr, end - result.ptr));
    ParsedQuantity out;
    if (unit.empty()) {
        out.value_si = value;
        return out;
    }
    UnitConversion conv;
    try {
        conv = parse_unit(unit);
    } catch (const UnitError& e) {
        throw UnitError(fmt::format("cannot read quantity '{}': {}", std::string(text), e.what()));
    }
    out.value_si = conv.to_si(value);
    out.dimension = conv.dimension;
    return out;
}

double parse_quantity_as(std::string_view text, std::string_view si_unit) {
    const ParsedQuantity q = parse_quantity(text);
    const UnitConversion expected = parse_unit(si_unit);
    if (q.dimension != expected.dimension) {
        throw UnitError(fmt::format("'{}' has unit of {}, expected {}", std::string(text),
                                    q.dimension.si_name(), expected.si_name()));
    }
    return expected.from_si(q.value_si);
}

}  // namespace vitrum
