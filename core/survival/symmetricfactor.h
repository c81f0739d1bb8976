#pragma once

#include <Eigen/Core>

namespace cutofflab {

/// LDL' factorisation of a symmetric positive semi-definite matrix without pivoting, in
/// the form survival's cholesky2 gives the Cox fit. A pivot that is not finite or falls
/// below tolerance * (largest diagonal element) marks its column as redundant. solve()
/// and inverse() then treat that column as absent: 0 in the solution, 0 rows and columns
/// in the inverse. This is what turns a collinear covariate into coxph's NA coefficient.
class SymmetricFactor {
public:
    SymmetricFactor() = default;

    /// Factorises `matrix`, a square matrix of which only the lower triangle is read.
    SymmetricFactor(const Eigen::MatrixXd& matrix, double tolerance);

    int rank() const { return rank_; }
    bool redundant(Eigen::Index column) const { return pivot_(column) == 0.0; }

    /// Solves matrix * y = b over the non-redundant columns. Redundant entries of y are 0.
    Eigen::VectorXd solve(const Eigen::VectorXd& b) const;

    /// Returns the inverse over the non-redundant columns, with 0 rows and columns for the others.
    Eigen::MatrixXd inverse() const;

private:
    Eigen::MatrixXd lower_;   ///< unit lower-triangular factor (strict part; 0 below a redundant pivot)
    Eigen::VectorXd pivot_;   ///< diagonal factor; 0 marks a redundant column
    int rank_ = 0;
};

} // namespace cutofflab
