// Times ONNX Runtime (CPU, one thread) on a model and its .npy inputs.
//   node ort-time.js MODEL.onnx RUNS INPUT0.npy [INPUT1.npy ...]
// Prints one line: the per-run latencies in milliseconds, as JSON.
const fs = require('fs');
const ort = require('onnxruntime-node');

function readNpy(path) {
  const bytes = fs.readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.toString('latin1', 10, 10 + headerLength);
  const shape = header.match(/'shape': \(([^)]*)\)/)[1]
                    .split(',').filter(s => s.trim()).map(Number);
  const descr = header.match(/'descr': '([^']*)'/)[1];
  const data = bytes.subarray(10 + headerLength);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  if (descr === '<f4') return new ort.Tensor('float32', new Float32Array(buffer), shape);
  if (descr === '<i8') return new ort.Tensor('int64', new BigInt64Array(buffer), shape);
  throw new Error(`${path}: unsupported dtype ${descr}`);
}

async function main() {
  const [model, runs, ...inputs] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all'});
  const feeds = Object.fromEntries(
      session.inputNames.map((name, i) => [name, readNpy(inputs[i])]));
  await session.run(feeds);  // warm-up
  const times = [];
  for (let i = 0; i < Number(runs); ++i) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(JSON.stringify(times));
}
main().catch(e => { console.error(`ort-time: ${e.message}`); process.exit(1); });
