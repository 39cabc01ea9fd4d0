//===- Passes.td - aotc transform passes -------------------*- tablegen -*-===//

#ifndef AOTC_PASSES_TD
#define AOTC_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// ONNX graph passes
//===----------------------------------------------------------------------===//

def ShapeInferencePass : Pass<"aotc-shape-inference", "mlir::ModuleOp"> {
  let summary = "Give every value of the ONNX graph a static shape";
  let description = [{
    Walks each function in order, pins the input shapes given by
    `input-shapes` and the input values given by `input-values` (a pinned
    input becomes an `onnx.Constant` and leaves the signature; the function
    attribute `aotc.pinned_inputs` lists them), refines every op's result types through its
    ShapeInferenceOpInterface and folds the shape arithmetic that exporters
    emit (Shape, Gather, Concat, Unsqueeze, Slice, Cast, ...) into constants,
    so that a value computed from static shapes becomes an `onnx.Constant`.
    Afterwards no value may have a dynamic or unknown shape: each one that
    does is an error naming the node that produced it. Every input and every
    static result is checked, as soon as its shape is known and before it is
    folded, against `max-tensor-bytes`: a shape from a hostile or broken
    model becomes an error naming the node, never an allocation of 2^40
    bytes or a size that wraps around.

    Before:
    ```mlir
    func.func @main_graph(%x: tensor<?x4xf32>) -> tensor<*xf32> {
      %s = "onnx.Shape"(%x) : (tensor<?x4xf32>) -> tensor<*xi64>
      %r = "onnx.Reshape"(%x, %s) : (tensor<?x4xf32>, tensor<*xi64>) -> tensor<*xf32>
      return %r : tensor<*xf32>
    }
    ```
    After, with `input-shapes=x:2x4`:
    ```mlir
    func.func @main_graph(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
      %c = onnx.Constant dense<[2, 4]> : tensor<2xi64>
      %r = "onnx.Reshape"(%x, %c) : (tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
      return %r : tensor<2x4xf32>
    }
    ```
  }];
  let options = [
    ListOption<"inputShapes", "input-shapes", "std::string",
               "Static shapes of graph inputs, as NAME:D0xD1x...">,
    ListOption<"inputValues", "input-values", "std::string",
               "Values of graph inputs, each NAME:FILE.npy or NAME=V (the "
               "C++ API and the aotc driver also take NAME=V1,V2,...)">,
    Option<"maxTensorBytes", "max-tensor-bytes", "uint64_t",
           /*default=*/"uint64_t(4) << 30",
           "The most bytes one tensor (input, constant or intermediate) may "
           "take">,
  ];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

def ExpandRecurrentPass : Pass<"aotc-expand-recurrent", "mlir::ModuleOp"> {
  let summary = "Unroll LSTM, GRU and RNN into the ONNX ops they are made of";
  let description = [{
    Runs after shape inference. Each LSTM, GRU and RNN becomes, per
    direction, one MatMul that projects the input of every time step at
    once (X·Wᵀ plus Wb + Rb, the biases folded into one constant), then per
    step a MatMul H·Rᵀ and the gate arithmetic (Slice, Add, Mul, Sigmoid,
    Tanh or the op's other activations, Clip when `clip` is set),
    unrolled over the static sequence. Wᵀ and Rᵀ are Transposes of the
    weights, which fold into constants. Every direction, layout 0 and 1,
    initial and final states, peepholes and input_forget (LSTM) and
    linear_before_reset (GRU) are expanded as ONNX defines them. A constant
    `sequence_lens` masks the state of a batch whose sequence has ended
    (it keeps its last value and Y is zero past the end); the reverse
    direction starts at each batch's own last step. A `sequence_lens` given
    at run time masks forward steps with `k < sequence_lens`; for a reverse
    pass it is an error naming the node.

    Before:
    ```mlir
    %y, %h = "onnx.RNN"(%x, %w, %r) <{hidden_size = 4 : si64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>, resultSegmentSizes = array<i32: 1, 1>}>
        : (tensor<1x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<1x1x2x4xf32>, tensor<1x2x4xf32>)
    ```
    After (one step, zero initial state):
    ```mlir
    %wt = "onnx.Transpose"(%w2) <{perm = array<i64: 1, 0>}> : (tensor<4x3xf32>) -> tensor<3x4xf32>
    %p = "onnx.MatMul"(%x2, %wt) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    %h = "onnx.Tanh"(%p) : (tensor<2x4xf32>) -> tensor<2x4xf32>
    ```
  }];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

def FoldEmptyTensorsPass : Pass<"aotc-fold-empty-tensors", "mlir::ModuleOp"> {
  let summary = "Take zero-size tensors out of the graph";
  let description = [{
    Runs after shape inference. A value with no elements (a graph input, an
    op result) becomes an empty `onnx.Constant`; an op that makes a
    non-empty result from an empty operand is replaced by what it computes:
    MatMul, Gemm and Conv contracting over K = 0 give zeros (plus Gemm's
    beta * C and Conv's bias), a reduction over an empty set gives its
    identity (0 for ReduceSum, 1 for ReduceProd, -inf for ReduceMax, +inf
    for ReduceMin, NaN for ReduceMean), and Concat drops its empty operands.
    Any other op with an empty operand and a non-empty result is an error
    naming the node. No kernel is then generated over an empty dimension.

    Before:
    ```mlir
    %y = "onnx.MatMul"(%a, %b) : (tensor<2x0xf32>, tensor<0x4xf32>) -> tensor<2x4xf32>
    ```
    After:
    ```mlir
    %y = onnx.Constant dense<0.000000e+00> : tensor<2x4xf32>
    ```
  }];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

def GraphOptPass : Pass<"aotc-graph-opt", "mlir::ModuleOp"> {
  let summary = "Fuse the decomposed forms exporters emit into fused ops";
  let description = [{
    Runs on the shape-inferred onnx dialect, before the lowering, with the
    greedy rewriter and together with the onnx canonicalizations (transpose,
    cast and reshape pairs) and folders:
    - LayerNorm spelled ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div[/Mul]
      [/Add] over trailing axes becomes `onnx.LayerNormalization`;
    - GELU spelled x * 0.5 * (1 + Erf(x / sqrt(2))) or with Tanh of
      sqrt(2/pi) * (x + 0.044715 x^3), factors in any order, becomes
      `onnx.Gelu`;
    - MatMul(Q, K^T) [scaled by a constant] [+ mask] -> Softmax(last axis)
      -> MatMul(., V) becomes `onnx.aotc.Attention`, which the lowering
      computes as two contractions reading K untransposed and one softmax;
    - BatchNormalization after a Conv with constant weights and statistics
      is folded into the Conv's weights and bias;
    - MatMul + bias becomes Gemm (2-D; with batch dimensions between
      reshapes), whose lowering accumulates onto the bias; 2-D Transposes of
      Gemm operands become transA/transB.
    A chain whose constants, axes or uses do not fit is left as it is.

    Before:
    ```mlir
    %e = "onnx.Erf"(%s) : (tensor<8xf32>) -> tensor<8xf32>   // %s = %x / 1.4142135
    %g = "onnx.Add"(%e, %one) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
    %m = "onnx.Mul"(%x, %g) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %y = "onnx.Mul"(%m, %half) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
    ```
    After:
    ```mlir
    %y = "onnx.Gelu"(%x) <{approximate = "none"}> : (tensor<8xf32>) -> tensor<8xf32>
    ```
  }];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

def CheckIndicesPass : Pass<"aotc-check-indices", "mlir::ModuleOp"> {
  let summary = "Return the extremes of run-time indices for the entry point "
                "to check";
  let description = [{
    For each op that indexes with values only known at run time (Gather,
    GatherElements with indices computed from a graph input), appends the
    largest and the smallest index (`onnx.ReduceMax` / `onnx.ReduceMin` over
    the indices, as int64) to the graph's results, each with an
    `aotc.index_check` result attribute naming the node, its op type, the
    size of the indexed axis and which extreme it is. The entry point checks
    them against [-size, size) after the graph ran and returns
    AOTC_STATUS_INDEX_OUT_OF_RANGE, with the node and the index, when one is
    outside; the lowering clamps indices, so no read leaves its tensor in the
    meantime. Constant indices are checked at shape inference instead.

    Before:
    ```mlir
    func.func @main_graph(%table: tensor<8x4xf32>, %ids: tensor<3xi64>) -> tensor<3x4xf32> {
      %0 = "onnx.Gather"(%table, %ids) : (...) -> tensor<3x4xf32>
      return %0 : tensor<3x4xf32>
    }
    ```
    After:
    ```mlir
    func.func @main_graph(...) -> (tensor<3x4xf32>,
        tensor<i64> {aotc.index_check = {extreme = "max", node = "...", op = "Gather", size = 8}},
        tensor<i64> {aotc.index_check = {extreme = "min", ...}}) {
      %max = "onnx.ReduceMax"(%ids) <{keepdims = 0}> : (tensor<3xi64>) -> tensor<i64>
      %min = "onnx.ReduceMin"(%ids) <{keepdims = 0}> : (tensor<3xi64>) -> tensor<i64>
      %0 = "onnx.Gather"(%table, %ids) : (...) -> tensor<3x4xf32>
      return %0, %max, %min : ...
    }
    ```
  }];
  let dependentDialects = ["::aotc::onnx::ONNXDialect"];
}

def ConvertONNXToLinalgPass
    : Pass<"aotc-convert-onnx-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower the onnx dialect to linalg, tensor, arith and math";
  let description = [{
    Dialect conversion of every `onnx` op of a shape-inferred module (all
    types static) into linalg named ops and `linalg.generic`s on tensors,
    `tensor` ops for data movement and `arith.constant`s (dense resources
    kept) for constants. Patterns are grouped by op family
    (passes/Conversion/ONNXToLinalg/). An op without a pattern is an error
    naming the node: "operator 'X' is not supported by the code generator".

    Before:
    ```mlir
    %0 = "onnx.Relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    ```
    After:
    ```mlir
    %e = tensor.empty() : tensor<4xf32>
    %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
        ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %z = arith.constant 0.0 : f32
      %m = arith.maximumf %in, %z : f32
      linalg.yield %m : f32
    } -> tensor<4xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect",
  ];
}

//===----------------------------------------------------------------------===//
// Linalg on tensors
//===----------------------------------------------------------------------===//

def FusePass : Pass<"aotc-fuse", "mlir::ModuleOp"> {
  let summary = "Fuse elementwise linalg ops without recomputing them";
  let description = [{
    Linalg's elementwise fusion (producer into consumer, reshapes folded by
    expansion, constant folding), steered by a cost rule: a producer that
    computes something is fused only where the consumer reads each of its
    elements once, that is where the consumer's indexing map of the fused
    operand uses every consumer loop. Fusing `x + bias` into a matmul would
    otherwise recompute it N times per element and hide the contraction from
    the tiling that makes it fast. Producers that only move data (transpose,
    broadcast: their body yields an input unchanged) are fused into
    elementwise consumers, where they become an indexing map; they stay out
    of contractions, whose vector loads they would make strided.

    Before:
    ```mlir
    %y = linalg.generic {indexing_maps = [#id, #id]} ins(%x) outs(%e) { addf }
    %z = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types =
           ["parallel", "parallel", "reduction"]} ins(%y, %w) outs(%acc) { mulf, addf }
    ```
    After: unchanged, where the default elementwise fusion puts the `addf`
    inside the contraction's body.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::affine::AffineDialect"];
}

//===----------------------------------------------------------------------===//
// Code generation
//===----------------------------------------------------------------------===//

def PackWeightsPass : Pass<"aotc-pack-weights", "mlir::func::FuncOp"> {
  let summary = "Pack constant weights of contractions into micro-kernel panels";
  let description = [{
    Data tiling for the CPU micro-kernel. A contraction
    `C[m.., n] += A[m.., k] * B[k, n]` (matmul, Gemm with or without transB,
    the MatMul-shaped generics of a batched MatMul with a 2-D weight) whose
    B is a constant gets B repacked at compile time into panels of
    `panel-width` (nr) columns, K-major: `Bp[N/nr][K][nr]`, zero-padded when
    nr does not divide N. A transposed B (`[N][K]`) is only another packing.
    The contraction becomes a generic over (m, n1, n0, k) on A collapsed to
    [M][K] and C viewed as [M][N/nr][nr] (padded and sliced back when N is
    not a multiple of nr), tagged `aotc.packed_weight` for
    aotc-tile-and-vectorize, whose k steps then read one panel with unit
    stride.

    Before (panel-width=16):
    ```mlir
    %r = linalg.matmul ins(%a, %w : tensor<4x8xf32>, tensor<8x32xf32>)
                       outs(%c : tensor<4x32xf32>) -> tensor<4x32xf32>
    ```
    After:
    ```mlir
    %wp = arith.constant dense_resource<w.packed> : tensor<2x8x16xf32>
    %ct = tensor.expand_shape %c [[0], [1, 2]] ... into tensor<4x2x16xf32>
    %rt = linalg.generic {indexing_maps = [(m, n1, n0, k) -> (m, k),
            (m, n1, n0, k) -> (n1, k, n0), (m, n1, n0, k) -> (m, n1, n0)],
            ...} ins(%a, %wp) outs(%ct) {aotc.packed_weight}
    %r = tensor.collapse_shape %rt [[0], [1, 2]] ... into tensor<4x32xf32>
    ```
  }];
  let options = [
    Option<"panelWidth", "panel-width", "int64_t", /*default=*/"16",
           "Columns of a weight panel (nr): the micro-kernel's N tile">,
  ];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
    "::mlir::arith::ArithDialect",
  ];
}

def TileAndVectorizePass : Pass<"aotc-tile-and-vectorize", "mlir::func::FuncOp"> {
  let summary = "Tile contractions to register tiles and vectorize them";
  let description = [{
    The CPU code generation strategy on linalg-on-tensors, parametrized by
    the target description:
    - 2-D convolutions in NCHW/FCHW form become im2col + a contraction whose
      filter operand is the weight tensor as laid out by ONNX;
    - every contraction (matmul, batch matmul, the im2col contraction) is
      tiled to the target's register tile (`matmul-tile` = M,N,K), the
      partial last tile of each loop is peeled off so that full tiles and
      remainders both have static shapes, and every tile is vectorized;
    - a packed contraction (`aotc.packed_weight`, from aotc-pack-weights:
      loops m, n1, n0, k) gets mr rows x one panel, or with M = 1 (GEMV)
      `gemv-panels` panels x one row; panels run outside rows when A is no
      larger than the weight, and the vectorized tile is folded into a
      vector.contract (broadcast FMAs on unit-stride panel loads);
    - every other linalg op is generalized and its loops interchanged so the
      innermost loop runs along the output's contiguous dimension, which
      LLVM's loop vectorizer then vectorizes for the target's width.

    Before:
    ```mlir
    %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                       outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
    ```
    After (matmul-tile=8,32,1):
    ```mlir
    scf.for %i = %c0 to %c64 step %c8 ... {
      scf.for %j = %c0 to %c64 step %c32 ... {
        scf.for %k = %c0 to %c64 step %c1 ... {
          %va = vector.transfer_read ... : tensor<8x1xf32>, vector<8x1xf32>
          %vb = vector.transfer_read ... : tensor<1x32xf32>, vector<1x32xf32>
          %vc = vector.contract ... -> vector<8x32xf32>
    ```
  }];
  let options = [
    ListOption<"matmulTile", "matmul-tile", "int64_t",
               "Register tile of contractions: M,N,K">,
    Option<"gemvPanels", "gemv-panels", "int64_t", /*default=*/"1",
           "Weight panels one tile of a packed contraction with M = 1 "
           "covers (its accumulators: panels x panel vectors)">,
  ];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::vector::VectorDialect",
    "::mlir::affine::AffineDialect",
  ];
}

def ApproximateMathPass : Pass<"aotc-approximate-math", "mlir::ModuleOp"> {
  let summary = "Replace transcendental math by polynomial approximations";
  let description = [{
    Generated code links no libm (executables have no libc at all), so every
    `math` op that LLVM would turn into a library call (exp, log, tanh, erf,
    powf, ...) is expanded into arithmetic: powf as exp(y * log(x)), the
    hyperbolic functions through exp, then polynomial approximations
    (accurate to a few ulp in f32) of exp, log, tanh and erf. Only ops that
    lower to instructions (sqrt, fma, abs, floor, ...) remain.

    Before:
    ```mlir
    %y = math.exp %x : vector<16xf32>
    ```
    After: only `arith` ops, `math.fma`, `math.floor` and bit casts.

    Integer powers (`math.ipowi`) become calls to generated loop functions
    (upstream MathToFuncs); f64 functions without an f64 approximation are
    evaluated in f32; `arith.remf` becomes x - trunc(x / y) * y in f64.

    `expand-ops` names math ops the target has no instruction for (e.g.
    `floor` without SSE4.1, `fma` without FMA): they are expanded into
    arithmetic as well.
  }];
  let options = [
    ListOption<"expandOps", "expand-ops", "std::string",
               "Math ops (mnemonics) to expand into arithmetic">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect", "::mlir::func::FuncDialect",
    "::mlir::scf::SCFDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::LLVM::LLVMDialect",
  ];
}

def BufferizePass : Pass<"aotc-bufferize", "mlir::ModuleOp"> {
  let summary = "One-shot bufferization configured for generated code";
  let description = [{
    Runs MLIR's one-shot module bufferization across function boundaries,
    with identity layouts on function arguments and results, and creates
    copies between buffers as `linalg.copy` rather than `memref.copy`:
    a copy into a strided view (the interior of a padded buffer, a tile)
    then becomes plain loops, where `memref.copy` would call the
    `memrefCopy` routine of MLIR's C runner library, which generated code
    does not link. Graph inputs and outputs with no elements become 1-D
    (`tensor<0xf32>`): the bare-pointer lowering of signatures rejects a
    zero-size dimension after the first.

    Before:
    ```mlir
    %p = tensor.pad %x low[0, 1] high[0, 1] { ... } : tensor<2x2xf32> to tensor<2x4xf32>
    ```
    After:
    ```mlir
    %a = memref.alloc() : memref<2x4xf32>
    linalg.fill ins(%cst : f32) outs(%a : memref<2x4xf32>)
    %s = memref.subview %a[0, 1] [2, 2] [1, 1] : ...
    linalg.copy ins(%x : memref<2x2xf32>) outs(%s : memref<2x2xf32, strided<[4, 1], offset: 1>>)
    ```
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def PlanMemoryPass : Pass<"aotc-plan-memory", "mlir::ModuleOp"> {
  let summary = "Place every intermediate buffer at an offset in one arena";
  let description = [{
    Runs on bufferized functions whose intermediate buffers are static
    `memref.alloc`s. Computes each buffer's live range over the function's
    schedule (a buffer stays live while any view of it is used), packs the
    buffers into one 64-byte-aligned arena so that buffers whose live ranges
    do not overlap share bytes, and replaces every `memref.alloc` by a
    `memref.view` into a new leading `memref<Nxi8>` arena argument. The
    arena size, the lower bound (the largest sum of simultaneously live
    buffers) are recorded on the function as `aotc.arena_size` and
    `aotc.arena_lower_bound`. Afterwards no `memref.alloc` is left.

    Before:
    ```mlir
    func.func @f(%x: memref<16xf32>, %y: memref<16xf32>) {
      %a = memref.alloc() : memref<16xf32>
      ...
    }
    ```
    After:
    ```mlir
    func.func @f(%arena: memref<64xi8>, %x: memref<16xf32>, %y: memref<16xf32>)
        attributes {aotc.arena_size = 64 : i64, aotc.arena_lower_bound = 64 : i64} {
      %c0 = arith.constant 0 : index
      %a = memref.view %arena[%c0][] : memref<64xi8> to memref<16xf32>
      ...
    }
    ```
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"64",
           "Alignment of the arena and of every buffer in it, in bytes">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def OutlineKernelsPass : Pass<"aotc-outline-kernels", "mlir::ModuleOp"> {
  let summary = "Outline each fused kernel of the graph into its own function";
  let description = [{
    Runs after aotc-plan-memory on the graph function `main_graph`. Its
    top-level operations with side effects (linalg ops, loop nests, copies)
    are grouped into kernels: an operation joins the current kernel when one
    of the ONNX nodes named by its locations (its own or its nested ops') is
    the kernel's first node, else it starts a new one. Each kernel becomes a
    private function with internal linkage that is never inlined, named
    `aotc_kNNN_<first node>` (the node name made a C identifier), called in
    the graph's order from `main_graph`. Its arguments are the memrefs it
    uses (arena views, weights, graph inputs and outputs) and any other value
    from outside; constants and views derived from those (subview,
    collapse_shape, ...) are rebuilt inside, so that kernels that differ only
    in which buffers they touch have identical bodies. Functions with equal
    types and structurally equivalent bodies are emitted once and shared
    (ResNet's repeated blocks).

    The module gets `aotc.kernels`, one dictionary per call in order: the
    function, the ONNX nodes and op types, the shape of the last buffer it
    writes and its floating-point operation count. With `profile`, each call
    is timed: the graph reads `aotc_profile_clock() -> i64` (nanoseconds,
    provided by the runtime or the firmware) before the first call and after
    each call, and stores each kernel's duration in
    `aotc_profile_ticks : memref<Nxi64>`.

    Before:
    ```mlir
    func.func @main_graph(%arena: memref<64xi8>, %x: memref<16xf32>) {
      %c0 = arith.constant 0 : index
      %a = memref.view %arena[%c0][] : memref<64xi8> to memref<16xf32>
      linalg.copy ins(%x : memref<16xf32>) outs(%a : memref<16xf32>) loc(#relu)
      ...
    }
    ```
    After:
    ```mlir
    func.func private @aotc_k000_relu(%arg0: memref<16xf32>,
        %arg1: memref<16xf32>) attributes {no_inline, ...} {
      linalg.copy ins(%arg0 : memref<16xf32>) outs(%arg1 : memref<16xf32>)
      return
    }
    func.func @main_graph(%arena: memref<64xi8>, %x: memref<16xf32>) {
      %c0 = arith.constant 0 : index
      %a = memref.view %arena[%c0][] : memref<64xi8> to memref<16xf32>
      call @aotc_k000_relu(%x, %a) : (memref<16xf32>, memref<16xf32>) -> ()
      ...
    }
    ```
  }];
  let options = [
    Option<"profile", "profile", "bool", /*default=*/"false",
           "Time every kernel call into aotc_profile_ticks">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect"];
}

def MapToGPUPass : Pass<"aotc-map-to-gpu", "mlir::ModuleOp"> {
  let summary = "Run the linalg ops of planned functions as GPU kernels";
  let description = [{
    Runs on bufferized functions after `aotc-plan-memory`, for GPU targets.
    Each `memref.get_global` (a weight) becomes a trailing function argument,
    listed in order as the function's `aotc.weights` attribute, so kernels
    read weights from device memory. Each linalg op (and each `memref.copy`,
    made a `linalg.copy`) becomes loops: its outer parallel loop nest is
    mapped to one `gpu.launch` of 1-D blocks, one thread per iteration
    point, the thread id delinearized with the innermost dimension fastest so
    that neighbouring threads access neighbouring elements; reduction loops
    stay sequential in each thread. An op whose outer loop is a reduction
    runs in a single thread. Constants and views the kernel uses are rebuilt
    inside it, so kernels capture only the function's arguments. Every
    launch names its kernel `@aotc_kernels::@FUNC_N_OP` for
    `gpu-kernel-outlining`. Memory accesses left on the host are errors.

    Contractions (`out += in0 * in1` in f32: matmul, batched matmul, Gemm,
    convolution as an implicit GEMM) whose output has at least 16 points
    along the dims read only by in0 and 16 along those read only by in1
    are tiled instead: blocks of 16x16 threads each compute a tile of the
    output (16x16 to 64x64 points, 1x1 to 4x4 per thread, the largest that
    still gives `min-blocks` blocks); per 16-deep slice of the reduction the
    block copies both operands' slices into workgroup memory (consecutive
    threads on consecutive addresses), meets at a `gpu.barrier`, and each
    thread accumulates its micro-tile from workgroup memory in registers
    (a private attribution between slices). Sizes that are not multiples
    of the tile are guarded. The fill that starts the output and the
    elementwise ops after it over the output (bias, activation, residual)
    join the kernel and run on each element as it is stored (the sum
    itself is not stored when the epilogue writes another buffer and the
    ops after the kernel overwrite or ignore the sum's arena buffer). The
    start may also be an elementwise op writing the output (a broadcast
    bias) or a copy of a filled buffer. With
    `allow-tf32`, every tiled contraction takes 64x64 tiles whose products
    run on tensor cores: per 8-deep step each warp issues four
    `nvvm.mma.sync` m16n8k8 on operands rounded to TF32 from workgroup
    memory, its threads holding the accumulator fragments.

    Before:
    ```mlir
    func.func @f(%arena: memref<64xi8>, %x: memref<4x8xf32>, %y: memref<4x8xf32>) {
      linalg.generic ... ins(%x : memref<4x8xf32>) outs(%y : memref<4x8xf32>) { ... }
    }
    ```
    After:
    ```mlir
    func.func @f(%arena: memref<64xi8>, %x: memref<4x8xf32>, %y: memref<4x8xf32>)
        attributes {aotc.weights = []} {
      gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, ...) threads(%tx, %ty, %tz) in (%sx = %c32, ...)
          module(@aotc_kernels) function(@f_0_generic) {
        %i = arith.addi (%bx * 32), %tx
        scf.if (%i < 32) { memref.load %x[%i / 8, %i % 8] ... memref.store ... }
        gpu.terminator
      }
    }
    ```
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block">,
    Option<"minBlocks", "min-blocks", "int64_t", /*default=*/"128",
           "Blocks a tiled contraction keeps giving the GPU (about one per "
           "multiprocessor) before its threads take larger micro-tiles">,
    Option<"allowTF32", "allow-tf32", "bool", /*default=*/"false",
           "Tiled contractions multiply on tensor cores (mma.sync m16n8k8) "
           "with inputs rounded to TF32 instead of exact f32 FMAs">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::NVVM::NVVMDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def EmulateGPUPass : Pass<"aotc-emulate-gpu", "mlir::ModuleOp"> {
  let summary = "Run the kernels of aotc-map-to-gpu on the CPU, for testing";
  let description = [{
    Checks GPU code generation on machines without a GPU: each `gpu.launch`
    becomes loops over its blocks and threads, run one after another, and
    the weight arguments listed in `aotc.weights` become `memref.get_global`
    again, so the function has the CPU targets' signature and the CPU
    lowering can run it (`aotc --emulate-gpu-kernels`). Barriers split the
    kernel: the code between two barriers runs for every thread of the
    block before the code after them. A barrier may sit in the kernel body
    or in an `scf.for` without results (whose bounds are then the same for
    every thread); what a thread keeps across a barrier must be in memory
    (private or workgroup) or be recomputable (pure ops), else the kernel
    is refused. Workgroup memory and private memory (one element per
    thread, indexed by [tz, ty, tx] first) become views of one stack
    buffer per function.

    Before:
    ```mlir
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c4, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) { BODY }
    ```
    After:
    ```mlir
    scf.for %bz = %c0 to %c1 step %c1 { scf.for %by ... { scf.for %bx = %c0 to %c4 step %c1 {
      scf.for %tz ... { scf.for %ty ... { scf.for %tx = %c0 to %c256 step %c1 { BODY } } } } } }
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

#endif // AOTC_PASSES_TD
