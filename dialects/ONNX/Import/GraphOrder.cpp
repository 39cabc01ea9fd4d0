//===- GraphOrder.cpp - Value names and node order of a graph -------------===//

#include "dialects/ONNX/Import/GraphOrder.h"

#include "dialects/ONNX/Import/Names.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <functional>
#include <queue>

using namespace mlir;

namespace aotc::onnx {

namespace {
enum class Source { Input, Initializer };
} // namespace

/// Finds a cycle among the nodes Kahn's algorithm could not order (those
/// with `pending` uses left) and describes it in data-flow order, starting
/// at its first node in the graph.
static std::string describeCycle(const ::onnx::GraphProto &graph,
                                 const llvm::StringMap<size_t> &producer,
                                 ArrayRef<unsigned> pending, size_t &first) {
  size_t start = 0;
  while (!pending[start])
    ++start;
  // Walk from consumer to producer until a node repeats.
  std::vector<size_t> path;
  llvm::DenseMap<size_t, size_t> position;
  size_t node = start;
  while (!position.count(node)) {
    position[node] = path.size();
    path.push_back(node);
    for (const std::string &input : graph.node(node).input()) {
      auto it = producer.find(input);
      if (it != producer.end() && pending[it->second]) {
        node = it->second;
        break;
      }
    }
  }
  std::vector<size_t> cycle(path.begin() + position[node], path.end());
  std::reverse(cycle.begin(), cycle.end());
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()),
              cycle.end());
  first = cycle.front();
  std::string text;
  for (size_t index : cycle)
    text += "'" + getNodeDisplayName(graph.node(index), index) + "' -> ";
  return text + "'" + getNodeDisplayName(graph.node(first), first) + "'";
}

FailureOr<std::vector<size_t>>
orderNodes(const ::onnx::GraphProto &graph, Location fileLoc,
           llvm::function_ref<Location(size_t)> nodeLoc) {
  llvm::StringMap<Source> external;
  for (const auto &initializer : graph.initializer()) {
    if (initializer.name().empty())
      return emitError(fileLoc) << "an initializer has no name";
    if (!external.try_emplace(initializer.name(), Source::Initializer).second)
      return emitError(fileLoc)
             << "initializer '" << escapeName(initializer.name())
             << "' is declared twice";
  }
  llvm::StringSet<> inputs;
  for (const auto &input : graph.input()) {
    if (input.name().empty())
      return emitError(fileLoc) << "a graph input has no name";
    if (!inputs.insert(input.name()).second)
      return emitError(fileLoc) << "graph input '" << escapeName(input.name())
                                << "' is declared twice";
    external.try_emplace(input.name(), Source::Input);
  }

  size_t numNodes = graph.node_size();
  llvm::StringMap<size_t> producer;
  for (size_t i = 0; i < numNodes; ++i) {
    for (const std::string &output : graph.node(i).output()) {
      if (output.empty())
        continue;
      auto source = external.find(output);
      if (source != external.end())
        return emitError(nodeLoc(i))
               << "output '" << escapeName(output) << "' has the name of "
               << (source->second == Source::Input ? "a graph input"
                                                   : "an initializer");
      auto [it, inserted] = producer.try_emplace(output, i);
      if (!inserted)
        return emitError(nodeLoc(i))
               << "output '" << escapeName(output)
               << "' is also produced by node '"
               << getNodeDisplayName(graph.node(it->second), it->second) << "'";
    }
  }

  bool inOrder = true;
  std::vector<std::vector<size_t>> consumers(numNodes);
  std::vector<unsigned> pending(numNodes, 0);
  for (size_t i = 0; i < numNodes; ++i) {
    for (const std::string &input : graph.node(i).input()) {
      if (input.empty() || external.count(input))
        continue;
      auto it = producer.find(input);
      if (it == producer.end())
        return emitError(nodeLoc(i))
               << "input '" << escapeName(input)
               << "' is used before it is produced: no graph input, "
                  "initializer or node output has that name";
      inOrder &= it->second < i;
      consumers[it->second].push_back(i);
      ++pending[i];
    }
  }

  for (const auto &output : graph.output()) {
    if (output.name().empty())
      return emitError(fileLoc) << "a graph output has no name";
    if (!external.count(output.name()) && !producer.count(output.name()))
      return emitError(fileLoc) << "graph output '" << escapeName(output.name())
                                << "' is never produced";
  }

  std::vector<size_t> order;
  order.reserve(numNodes);
  if (inOrder) {
    for (size_t i = 0; i < numNodes; ++i)
      order.push_back(i);
    return order;
  }

  // Kahn's algorithm; among the ready nodes, the earliest goes first, so
  // that a sorted graph keeps its order.
  std::priority_queue<size_t, std::vector<size_t>, std::greater<size_t>> ready;
  for (size_t i = 0; i < numNodes; ++i)
    if (!pending[i])
      ready.push(i);
  while (!ready.empty()) {
    size_t node = ready.top();
    ready.pop();
    order.push_back(node);
    for (size_t consumer : consumers[node])
      if (--pending[consumer] == 0)
        ready.push(consumer);
  }
  if (order.size() != numNodes) {
    size_t first;
    std::string cycle = describeCycle(graph, producer, pending, first);
    return emitError(fileLoc) << "the graph has a cycle through node '"
                              << getNodeDisplayName(graph.node(first), first)
                              << "' (" << cycle << ")";
  }
  return order;
}

} // namespace aotc::onnx
