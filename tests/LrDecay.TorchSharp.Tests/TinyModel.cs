using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrDecay.TorchSharp.Tests;

/// <summary>A small MLP and a fixed synthetic regression task (a noisy linear map), the same for every test run.</summary>
internal sealed class TinyModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly Tensor _x;
    private readonly Tensor _y;

    internal TinyModel(int seed = 7)
    {
        torch.manual_seed(seed);
        _net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1));
        _x = torch.randn(64, 8);
        Tensor w = torch.randn(8, 1);
        _y = _x.matmul(w) + (0.01 * torch.randn(64, 1));
    }

    internal IEnumerable<Parameter> Parameters => _net.parameters();

    /// <summary>The first layer's parameters and the second layer's, as two parameter groups.</summary>
    internal (IEnumerable<Parameter> First, IEnumerable<Parameter> Second) Layers()
    {
        Parameter[] all = _net.parameters().ToArray();
        return (all.Take(2), all.Skip(2));
    }

    /// <summary>One optimizer step on the whole batch; returns the loss before the step.</summary>
    internal double TrainStep(optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        using Tensor prediction = _net.forward(_x);
        using Tensor loss = nn.functional.mse_loss(prediction, _y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        _net.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}
