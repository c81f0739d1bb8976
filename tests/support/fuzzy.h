#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace cutofflab::test {

/// The comparison rule of the reference cases: counts exactly; every other number within
/// a relative difference of `relative` (1e-6 by default), or within 1e-12 absolute when the
/// expected value is 0; or within `absolute` when a case overrides it.
struct Tolerance {
    double relative = 1e-6;
    std::optional<double> absolute;
    bool compared = true;   ///< false when the case marks the field as R-specific
};

/// Compares a computed double with an expected JSON value: a number, null (R's NA; matched
/// by an empty optional), or the strings "NaN", "Inf", "-Inf". Returns an empty string on
/// a match, else a message naming both values.
QString compareNumber(const std::optional<double>& actual, const QJsonValue& expected,
                      const Tolerance& tolerance = {});

/// Compares a computed count with an expected JSON integer, exactly.
QString compareCount(long long actual, const QJsonValue& expected);

/// Relative comparison of two doubles with an explicit tolerance (1e-12 absolute at 0).
bool fuzzyEqual(double actual, double expected, double relative = 1e-6);

} // namespace cutofflab::test

/// QVERIFY2 on compareNumber, naming the field in the failure message.
#define CUTOFFLAB_COMPARE_NUMBER(field, actual, expected, tolerance)                          \
    do {                                                                                    \
        const QString cutofflabMismatch_ =                                                  \
            cutofflab::test::compareNumber((actual), (expected), tolerance);              \
        QVERIFY2(cutofflabMismatch_.isEmpty(),                                              \
                 qPrintable(QStringLiteral("%1: %2").arg(QString(field), cutofflabMismatch_))); \
    } while (false)

/// QVERIFY2 on compareCount, naming the field in the failure message.
#define CUTOFFLAB_COMPARE_COUNT(field, actual, expected)                                      \
    do {                                                                                    \
        const QString cutofflabMismatch_ = cutofflab::test::compareCount((actual), (expected)); \
        QVERIFY2(cutofflabMismatch_.isEmpty(),                                              \
                 qPrintable(QStringLiteral("%1: %2").arg(QString(field), cutofflabMismatch_))); \
    } while (false)
