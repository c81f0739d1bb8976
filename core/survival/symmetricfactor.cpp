#include "survival/symmetricfactor.h"

#include <cmath>

namespace cutofflab {

SymmetricFactor::SymmetricFactor(const Eigen::MatrixXd& matrix, double tolerance)
    : lower_(Eigen::MatrixXd::Zero(matrix.rows(), matrix.cols())), pivot_(Eigen::VectorXd::Zero(matrix.rows()))
{
    const Eigen::Index n = matrix.rows();
    Eigen::MatrixXd work = matrix.triangularView<Eigen::Lower>();
    double largest = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (work(i, i) > largest)
            largest = work(i, i);
    }
    if (largest == 0.0)
        return;   // every column is redundant (for example every covariate constant)
    const double threshold = tolerance * largest;

    // Right-looking elimination on the lower triangle: column i's multipliers update the
    // trailing lower triangle. A redundant pivot is skipped, leaving its column out.
    for (Eigen::Index i = 0; i < n; ++i) {
        const double pivot = work(i, i);
        if (!std::isfinite(pivot) || pivot < threshold)
            continue;
        pivot_(i) = pivot;
        ++rank_;
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double multiplier = work(j, i) / pivot;
            lower_(j, i) = multiplier;
            work(j, j) -= multiplier * multiplier * pivot;
            for (Eigen::Index k = j + 1; k < n; ++k)
                work(k, j) -= multiplier * work(k, i);
        }
    }
}

Eigen::VectorXd SymmetricFactor::solve(const Eigen::VectorXd& b) const
{
    const Eigen::Index n = b.size();
    Eigen::VectorXd y = b;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < i; ++j)
            y(i) -= lower_(i, j) * y(j);
    }
    for (Eigen::Index i = n - 1; i >= 0; --i) {
        if (pivot_(i) == 0.0) {
            y(i) = 0.0;
            continue;
        }
        double value = y(i) / pivot_(i);
        for (Eigen::Index j = i + 1; j < n; ++j)
            value -= lower_(j, i) * y(j);
        y(i) = value;
    }
    return y;
}

Eigen::MatrixXd SymmetricFactor::inverse() const
{
    const Eigen::Index n = pivot_.size();
    Eigen::MatrixXd result(n, n);
    for (Eigen::Index k = 0; k < n; ++k)
        result.col(k) = solve(Eigen::VectorXd::Unit(n, k));
    return (result + result.transpose()) / 2.0;   // symmetric up to rounding; make it exact
}

} // namespace cutofflab
