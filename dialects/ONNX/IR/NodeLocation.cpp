//===- NodeLocation.cpp - Locations naming the model file and node --------===//

#include "dialects/ONNX/IR/NodeLocation.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"

using namespace mlir;

namespace aotc::onnx {

Location getNodeLocation(MLIRContext *context, StringRef file,
                         StringRef nodeName, StringRef opType) {
  Location fileLoc = getFileLocation(context, file);
  Location nameLoc = NameLoc::get(StringAttr::get(context, nodeName));
  return FusedLoc::get({nameLoc, fileLoc}, StringAttr::get(context, opType),
                       context);
}

Location getFileLocation(MLIRContext *context, StringRef file) {
  return FileLineColLoc::get(context, file, /*line=*/0, /*column=*/0);
}

std::optional<NodeLocationInfo> findNodeLocation(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return NodeLocationInfo{fileLoc.getFilename().str(), "", ""};
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return findNodeLocation(callSite.getCallee());
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return findNodeLocation(nameLoc.getChildLoc());
  auto fused = dyn_cast<FusedLoc>(loc);
  if (!fused)
    return std::nullopt;
  auto opType = dyn_cast_or_null<StringAttr>(fused.getMetadata());
  ArrayRef<Location> parts = fused.getLocations();
  // Our own node location: a name and a file, tagged with the op type.
  if (opType && parts.size() == 2 && isa<NameLoc>(parts[0]) &&
      isa<FileLineColLoc>(parts[1])) {
    return NodeLocationInfo{cast<FileLineColLoc>(parts[1]).getFilename().str(),
                            cast<NameLoc>(parts[0]).getName().str(),
                            opType.str()};
  }
  // A location fused by a pass from several nodes: report the first.
  for (Location part : parts)
    if (auto info = findNodeLocation(part))
      return info;
  return std::nullopt;
}

} // namespace aotc::onnx
