#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pgha {

// An error a user can act on: what went wrong and, where known, where (file, line, column, field).
struct Error
{
    Error() = default;
    explicit Error(QString message_, QString file_ = {}, int line_ = 0, int column_ = 0, QString field_ = {})
        : message(std::move(message_)), file(std::move(file_)), line(line_), column(column_), field(std::move(field_))
    {
    }

    QString message;
    QString file;    // empty when the input did not come from a file
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based; 0 = unknown
    QString field;   // dotted path of the offending key, e.g. "hosts[1].address"

    // "file:line:column: field: message", leaving out the parts that are unknown.
    QString toString() const;
};

// Errors are values: anything that can fail on input, disk or network returns a Result. [[nodiscard]]: a
// dropped Result is a dropped error, and the compiler says so.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const Error &error() const { return std::get<1>(m_v); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, Error> m_v;
};

// Result<void>
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace pgha
