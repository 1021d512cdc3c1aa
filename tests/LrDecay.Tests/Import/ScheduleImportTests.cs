using System.IO.Compression;
using System.Text;
using LrDecay.Import;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Import;

/// <summary>ScheduleImport through the library API: detection, the readers' limits and refusals, and what each tool's import builds.</summary>
public sealed class ScheduleImportTests
{
    // pickle.dumps(..., protocol=2) of small state_dicts, and of an object whose __reduce__ names os.system.
    private const string StepPickle = "gAJ9cQAoWAkAAABzdGVwX3NpemVxAUsKWAUAAABnYW1tYXECRz/gAAAAAAAAWAgAAABiYXNlX2xyc3EDXXEERz/JmZmZmZmaYVgKAAAAbGFzdF9lcG9jaHEFSwN1Lg==";
    private const string TruncatedPickle = "gAJ9cQAoWAkAAABzdGVwX3NpemVxAUsKWAUAAABnYW1tYXECRz/gAAAAAAAAWAg=";
    private const string CounterPickle = "gAJ9cQAoWAoAAABtaWxlc3RvbmVzcQFjY29sbGVjdGlvbnMKQ291bnRlcgpxAn1xAyhLBUsBSwlLAXWFcQRScQVYBQAAAGdhbW1hcQZHP7mZmZmZmZpYCAAAAGJhc2VfbHJzcQddcQhHP/AAAAAAAABhWAoAAABsYXN0X2Vwb2NocQlLAHUu";
    private const string EvilPickle = "gAJjcG9zaXgKc3lzdGVtCnEAWAoAAABlY2hvIG93bmVkcQGFcQJScQMu";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] TorchZip(string base64Pickle, string entry = "archive/data.pkl")
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream s = zip.CreateEntry(entry).Open();
            byte[] bytes = Convert.FromBase64String(base64Pickle);
            s.Write(bytes, 0, bytes.Length);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void TorchSave_StepLR_IsReadWithoutRunningAnything()
    {
        ImportResult result = ScheduleImport.FromPyTorch(TorchZip(StepPickle));

        ScheduleJson.Serialize(result.Schedule).Should().Be("""{"type":"step","initialLr":0.2,"stepSize":10,"gamma":0.5}""");
        result.ResumeStep.Should().Be(3);
        result.Facts.Should().Contain("resume from step: 3 (last_epoch: the scheduler has stepped 3 times)");
    }

    [Fact]
    public void LegacyTorchSave_PlainPickle_IsRead() =>
        ScheduleImport.Detect(Convert.FromBase64String(StepPickle)).Should().Be(ImportSource.PyTorch);

    [Fact]
    public void Counter_Milestones_BecomeMultiStep() =>
        ScheduleJson.Serialize(ScheduleImport.FromPyTorch(TorchZip(CounterPickle)).Schedule)
            .Should().Be("""{"type":"multiStep","initialLr":1,"milestones":[5,9],"gamma":0.1}""");

    [Theory]
    [InlineData(TruncatedPickle, "malformed file")]
    [InlineData(EvilPickle, "PyTorch: ")]
    public void Pickle_MalformedOrHostile_IsRefusedInOneLine(string pickle, string mention)
    {
        var ex = Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(TorchZip(pickle)));

        ex.Message.Should().StartWith("PyTorch").And.Contain(mention).And.NotContain("\n").And.NotContain("Pickle");
    }

    [Fact]
    public void Zip_WithoutDataPkl_IsRefused() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(TorchZip(StepPickle, "archive/other.pkl")))
            .Message.Should().Contain("no data.pkl");

    [Fact]
    public void Json_DeeperThanTheLimit_IsMalformed()
    {
        string deep = new string('[', 200) + new string(']', 200);

        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromKeras(Utf8(deep))).Message.Should().Contain("malformed JSON");
    }

    [Fact]
    public void Content_OverTheSizeLimit_IsRefused() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromKeras(new byte[(16 << 20) + 1])).Message.Should().Contain("bytes");

    [Fact]
    public void EmptyContent_IsMalformed() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.Import([], null)).Message.Should().Contain("empty");

    [Theory]
    [InlineData("""{"lr_scheduler_type":"linear","learning_rate":0.1,"max_steps":10}""", ImportSource.HuggingFace)]
    [InlineData("""{"step_size":3,"gamma":0.5,"base_lrs":[0.1],"last_epoch":0}""", ImportSource.PyTorch)]
    [InlineData("""{"class_name":"ExponentialDecay","config":{"initial_learning_rate":0.1,"decay_steps":10,"decay_rate":0.5}}""", ImportSource.Keras)]
    [InlineData("sched: cosine\nepochs: 10\nlr: 0.1\n", ImportSource.Timm)]
    public void Detect_TellsTheToolFromTheContent(string content, ImportSource expected) =>
        ScheduleImport.Detect(Utf8(content)).Should().Be(expected);

    [Fact]
    public void Detect_UnknownJson_SaysToUseFrom() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.Detect(Utf8("""{"hello":1}"""))).Message.Should().Contain("--from");

    [Fact]
    public void PyTorchPlateau_WithOptimizer_GivesTheLiveState()
    {
        // torch's json.dumps of a fresh-ish state: best is a float; the optimizer group kept initial_lr.
        const string state = """{"factor":0.1,"min_lrs":[0],"patience":2,"verbose":false,"cooldown":0,"cooldown_counter":0,"mode":"min","threshold":0.0001,"threshold_mode":"rel","best":0.42,"num_bad_epochs":1,"mode_worse":Infinity,"eps":1e-08,"last_epoch":9}""";
        const string optimizer = """{"state":{},"param_groups":[{"lr":0.001,"initial_lr":0.1,"momentum":0,"params":[0]}]}""";

        ImportResult result = ScheduleImport.FromPyTorch(Utf8(state), new ImportOptions { OptimizerState = Utf8(optimizer) });

        result.Schedule.Should().BeOfType<PlateauSchedule>().Which.InitialLr.Should().Be(0.1);
        PlateauState live = result.PlateauState!.Value;
        live.Reductions.Should().Be(2);
        live.Best.Should().Be(0.42);
        live.BadEpochs.Should().Be(1);
        live.Epochs.Should().Be(9);
        ((PlateauSchedule)result.Schedule).GetLearningRate(live, 10).Should().BeApproximately(0.001, 1e-15);
    }

    [Fact]
    public void PyTorchPlateau_WithoutAnyRate_AsksForTheOptimizer() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(Utf8("""{"factor":0.1,"min_lrs":[0],"patience":2,"mode":"min","best":Infinity,"num_bad_epochs":0,"last_epoch":0}""")))
            .Message.Should().Contain("--optimizer");

    [Fact]
    public void PyTorchOneCycle_Torch113Layout_IsRefusedNamingWhy() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(Utf8("""{"total_steps":100,"anneal_func":"<bound method>","base_lrs":[0.1],"last_epoch":3}""")))
            .Message.Should().Contain("anneal_func").And.Contain("torch 2");

    [Fact]
    public void PyTorchClass_Ambiguous_CanBeNamed()
    {
        const string state = """{"gamma":0.5,"base_lrs":[0.1],"last_epoch":0}""";

        ScheduleImport.FromPyTorch(Utf8(state)).Schedule.Should().BeOfType<ExponentialSchedule>();
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(Utf8(state), new ImportOptions { ClassName = "StepLR" }))
            .Message.Should().Contain("PyTorch StepLR").And.Contain("step_size");
    }

    [Fact]
    public void TimmPlateau_IsAPlateauPerEpoch()
    {
        ImportResult result = ScheduleImport.FromTimm(Utf8("sched: plateau\nepochs: 10\nlr: 0.1\nwarmup_epochs: 0\ndecay_rate: 0.5\npatience_epochs: 3\neval_metric: loss\nmin_lr: 0.001\n"));

        PlateauSchedule plateau = result.Schedule.Should().BeOfType<PlateauSchedule>().Subject;
        plateau.Mode.Should().Be(PlateauMode.Minimize);
        plateau.Factor.Should().Be(0.5);
        plateau.Patience.Should().Be(3);
        plateau.MinLr.Should().Be(0.001);
    }

    [Fact]
    public void HuggingFacePlateau_TakesItsKwargs()
    {
        ImportResult result = ScheduleImport.FromHuggingFace(Utf8("""{"lr_scheduler_type":"reduce_lr_on_plateau","learning_rate":0.01,"max_steps":-1,"lr_scheduler_kwargs":{"factor":0.5,"patience":4,"mode":"max"}}"""));

        PlateauSchedule plateau = result.Schedule.Should().BeOfType<PlateauSchedule>().Subject;
        plateau.Mode.Should().Be(PlateauMode.Maximize);
        plateau.Patience.Should().Be(4);
    }

    [Fact]
    public void Keras_Float64Precision_ComputesInDouble()
    {
        byte[] json = Utf8("""{"class_name":"ExponentialDecay","config":{"initial_learning_rate":0.1,"decay_steps":1000,"decay_rate":0.96,"staircase":true}}""");

        ScheduleImport.FromKeras(json).Schedule.GetLearningRate(28125).Should().Be(0.031885575503110886);
        ScheduleImport.FromKeras(json, new ImportOptions { Precision = Precision.Float64 }).Schedule.GetLearningRate(28125).Should().Be(0.031885594968609536);
    }

    [Fact]
    public void Keras_ModelCompiledWithAnOptimizerName_IsRefused() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromKeras(Utf8("""{"class_name":"Sequential","config":{},"compile_config":{"optimizer":"adam"}}""")))
            .Message.Should().Contain("'adam'");

    [Fact]
    public void Yaml_Malformed_IsRefusedWithItsLine() =>
        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromTimm(Utf8("sched: [cosine\nepochs: 3\n")))
            .Message.Should().Contain("malformed YAML");

    [Fact]
    public void Yaml_AliasBomb_IsRefused()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromTimm(Utf8(yaml.ToString()))).Message.Should().Contain("aliases");
    }

    [Fact]
    public void Pickle_SharedReferenceBomb_IsRefused()
    {
        // x = [1]; 40 times x = [x, x]: 2^40 values once the memo's shared references are followed.
        const string bomb = "gAJ9cQBYCAAAAGJhc2VfbHJzcQFdcQIoXXEDKF1xBChdcQUoXXEGKF1xByhdcQgoXXEJKF1xCihdcQsoXXEMKF1xDShdcQ4oXXEPKF1xEChdcREoXXESKF1xEyhdcRQoXXEVKF1xFihdcRcoXXEYKF1xGShdcRooXXEbKF1xHChdcR0oXXEeKF1xHyhdcSAoXXEhKF1xIihdcSMoXXEkKF1xJShdcSYoXXEnKF1xKChdcSkoXXEqSwFhaCplaCllaChlaCdlaCZlaCVlaCRlaCNlaCJlaCFlaCBlaB9laB5laB1laBxlaBtlaBplaBllaBhlaBdlaBZlaBVlaBRlaBNlaBJlaBFlaBBlaA9laA5laA1laAxlaAtlaAplaAllaAhlaAdlaAZlaAVlaARlaANlcy4=";

        Assert.Throws<ScheduleImportException>(() => ScheduleImport.FromPyTorch(TorchZip(bomb))).Message.Should().Contain("shared references");
    }

    [Fact]
    public void TimmPlateauWithWarmup_ObservesTheMetricsFromTheEndOfTheWarmUp()
    {
        // warmup_epochs 3, warmup_lr 1e-4, lr 0.1, patience 2, decay_rate 0.5, eval_metric loss: timm hands its reducer no metric
        // for epochs 0 to 2, so three bad epochs there reduce nothing; from epoch 3 on, patience 2 counts.
        byte[] yaml = File.ReadAllBytes(Path.Combine(
            Support.VectorSets.RequiredRepositoryRoot(), "tests", "vectors", "import", "files", "lrd-timm-plateau-warmup-epochs.args.yaml"));

        ImportResult result = ScheduleImport.FromTimm(yaml, new ImportOptions { BatchesPerEpoch = 10 });

        var plateau = result.Schedule.Should().BeOfType<PlateauSchedule>().Subject;
        plateau.StartEpoch.Should().Be(3);
        plateau.Mode.Should().Be(PlateauMode.Minimize);
        List<long> reductions = PlateauRun.Reductions(plateau, [9.0, 9.0, 9.0, 1.0, 1.0, 1.0, 1.0], out PlateauState state);
        reductions.Should().Equal(0L, 0L, 0L, 0L, 0L, 0L, 1L);
        plateau.GetLearningRate(state, 70).Should().BeApproximately(0.05, 1e-15);
    }
}
