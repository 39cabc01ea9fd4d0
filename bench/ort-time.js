// Times ONNX Runtime (CPU, one thread) on a model and a .npy input.
//   node ort-time.js MODEL.onnx INPUT.npy RUNS
// Prints one line: the per-run latencies in milliseconds, as JSON.
const fs = require('fs');
const ort = require('onnxruntime-node');

function readNpy(path) {
  const bytes = fs.readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.toString('latin1', 10, 10 + headerLength);
  const shape = header.match(/'shape': \(([^)]*)\)/)[1]
                    .split(',').filter(s => s.trim()).map(Number);
  const data = bytes.subarray(10 + headerLength);
  const floats = new Float32Array(data.buffer.slice(
      data.byteOffset, data.byteOffset + data.byteLength));
  return new ort.Tensor('float32', floats, shape);
}

async function main() {
  const [model, input, runs] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all'});
  const feeds = {[session.inputNames[0]]: readNpy(input)};
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
