// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/version.hpp>
#include <vitrum/instruments/writers/dataset_json.hpp>

namespace vitrum::writers {
namespace {

using Json = nlohmann::ordered_json;

// JSON has no NaN or infinity: such a value is written as null.
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json quantities(const std::map<std::string, Quantity>& properties) {
    Json out = Json::object();
    for (const auto& [key, q] : properties)
        out[key] = {{"value", number(q.value)}, {"unit", q.unit}};
    return out;
}

Json segment_json(const Segment& s) {
    Json out = {
        {"begin", s.begin}, {"end", s.end}, {"kind", to_string(s.kind)}, {"label", s.label}};
    if (s.program_rate_K_per_s) out["program_rate_K_per_s"] = number(*s.program_rate_K_per_s);
    if (s.program_start_K) out["program_start_K"] = number(*s.program_start_K);
    if (s.program_end_K) out["program_end_K"] = number(*s.program_end_K);
    return out;
}

Json column_json(const Column& c, bool with_values) {
    Json out = {{"name", c.name},
                {"unit", c.unit},
                {"original_name", c.original_name},
                {"original_unit", c.original_unit}};
    if (with_values) {
        Json values = Json::array();
        for (const double v : c.values) values.push_back(number(v));
        out["values"] = std::move(values);
    }
    return out;
}

}  // namespace

Json provenance_json(const ConversionProvenance& p) {
    return {
        {"tool", "vitrum convert"},
        {"vitrum_version", version()},
        {"git_commit", git_commit()},
        {"converted_utc", p.converted_utc},
        {"input", {{"path", p.input_path}, {"bytes", p.input_bytes}, {"sha256", p.input_sha256}}},
        {"reader", p.reader_id}};
}

Json dataset_json(const Dataset& data, const ConversionProvenance& provenance, bool with_values,
                  const std::vector<std::string>& files) {
    const SourceInfo& s = data.source;
    Json program = Json::array();
    for (const Segment& seg : s.program) program.push_back(segment_json(seg));
    Json doc = {{"provenance", provenance_json(provenance)},
                {"source",
                 {{"format_id", s.format_id},
                  {"encoding", s.encoding},
                  {"instrument", s.instrument},
                  {"date", s.date},
                  {"sample", s.sample},
                  {"metadata", s.metadata},
                  {"properties", quantities(s.properties)},
                  {"program", std::move(program)}}},
                {"warnings", data.warnings}};
    Json curves = Json::array();
    for (std::size_t k = 0; k < data.curves.size(); ++k) {
        const Curve& curve = data.curves[k];
        Json c = {{"name", curve.name}};
        if (k < files.size()) c["file"] = files[k];
        c["rows"] = curve.data.rows();
        c["properties"] = quantities(curve.properties);
        c["text"] = curve.text;
        Json segments = Json::array();
        for (const Segment& seg : curve.data.segments) segments.push_back(segment_json(seg));
        c["segments"] = std::move(segments);
        Json columns = Json::array();
        for (const Column& col : curve.data.columns())
            columns.push_back(column_json(col, with_values));
        c["columns"] = std::move(columns);
        curves.push_back(std::move(c));
    }
    doc["curves"] = std::move(curves);
    Json tables = Json::array();
    for (const Table& t : data.tables) {
        Json columns = Json::array();
        for (const Column& col : t.columns) columns.push_back(column_json(col, with_values));
        tables.push_back({{"name", t.name}, {"row_labels", t.row_labels}, {"columns", columns}});
    }
    doc["tables"] = std::move(tables);
    return doc;
}

}  // namespace vitrum::writers
