namespace Crm.Metrics.Clv;

/// <summary>A model's log-likelihood over a fixed data set, with its derivatives in the model's natural parameters.</summary>
internal interface ILogLikelihood
{
    /// <summary>The number of parameters.</summary>
    int Dimension { get; }

    /// <summary>The total weight of the data (the number of customers); the optimiser scales the objective by its inverse.</summary>
    double Weight { get; }

    /// <summary>Whether <see cref="Evaluate"/> fills the Hessian; otherwise the optimiser differentiates the exact gradient.</summary>
    bool HasHessian { get; }

    /// <summary>
    /// The log-likelihood at <paramref name="parameters"/> (all positive), NaN or −∞ where it is not finite; fills
    /// <paramref name="gradient"/> (∂LL/∂p, length d) and, when given and <see cref="HasHessian"/>, <paramref name="hessian"/>
    /// (∂²LL/∂p∂p, d × d row-major).
    /// </summary>
    double Evaluate(double[] parameters, double[] gradient, double[]? hessian);
}
