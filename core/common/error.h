#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace cutofflab {

/// An input that the core cannot analyse: a file it cannot read, a column that does
/// not exist, a value that is out of range. The message is a full sentence for the
/// user; row, column and value locate the fault when there is one.
class InputError : public std::runtime_error {
public:
    struct Location {
        std::optional<std::size_t> row;   ///< 1-based data row (the header is row 0)
        std::string column;               ///< column name, empty when not about a column
        std::string value;                ///< the text found, empty when not about a value
    };

    explicit InputError(const std::string& message, Location location = {})
        : std::runtime_error(message), location_(std::move(location)) {}

    const Location& location() const noexcept { return location_; }

private:
    Location location_;
};

} // namespace cutofflab
