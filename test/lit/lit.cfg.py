# -*- Python -*-
import os
import shutil

import lit.formats
from lit.llvm import llvm_config

config.name = "aotc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "utils", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.aotc_obj_root, "test", "lit")

utils = os.path.join(config.test_source_root, "utils")
# Models are built at test time with Debian's python3-onnx (and python3-torch).
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%utils", utils))
config.substitutions.append(
    ("%expect-exit", f"{config.python_executable} {utils}/expect-exit.py"))
# Cache of slow artifacts (torch exports) shared by tests, in the build folder.
config.substitutions.append(("%aotc_build", config.aotc_obj_root))
# cpack -G DEB runs dpkg-shlibdeps (dpkg-dev).
if shutil.which("dpkg-shlibdeps") and shutil.which("dpkg-deb"):
    config.available_features.add("dpkg")
config.substitutions.append(("%cache", os.path.join(config.aotc_obj_root, "test-cache")))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PYTHONPATH", utils, append_path=True)
llvm_config.add_tool_substitutions(["aotc", "aotc-opt"], [config.aotc_tools_dir])

# GPU targets: ptxas (CUDA Toolkit, or $AOTC_PTXAS) assembles PTX without a
# GPU; running GPU executables needs the NVIDIA driver, which only machines
# with a GPU have.
ptxas = os.environ.get("AOTC_PTXAS", "/usr/local/cuda/bin/ptxas")
if os.access(ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
try:
    import ctypes
    ctypes.CDLL("libcuda.so.1")
    config.available_features.add("cuda-driver")
except OSError:
    pass

# x86 code that tests run is compiled for the widest level this host can
# execute: AVX-512 hosts get x86-64-v4, AVX2+FMA hosts x86-64-v3. Tests that
# must execute AVX-512 code say `REQUIRES: avx512`.
def host_x86_flags():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()

host_flags = host_x86_flags()
# AOTC_TEST_X86_LEVEL=x86-64-v3 (or x86-64) runs the suite as a host of that
# level would, on any wider host: what an AVX2-only machine sees.
level_cap = os.environ.get("AOTC_TEST_X86_LEVEL", "x86-64-v4")
allowed = {"x86-64-v4": 4, "x86-64-v3": 3, "x86-64": 1}.get(level_cap, 4)
if {"avx512f", "avx512bw", "avx512dq", "avx512vl"} <= host_flags and allowed >= 4:
    config.available_features.add("avx512")
    host_x86 = "x86-64-v4"
elif {"avx2", "fma", "bmi2"} <= host_flags and allowed >= 3:
    host_x86 = "x86-64-v3"
else:
    host_x86 = "x86-64"
config.substitutions.append(("%host_x86", host_x86))
lit_config.note(f"x86 code that tests run is built for {host_x86}")
