# livekit loads its FFI library (WebRTC's audio processing, for echo cancellation) through
# importlib.resources from the `livekit.rtc.resources` package, which PyInstaller does not see
# as a dependency: bundle that library (and only it: the package also ships a Jupyter viewer).
from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs

binaries = collect_dynamic_libs("livekit.rtc")
datas = collect_data_files("livekit.rtc", includes=["resources/LICENSE.md"])
hiddenimports = ["livekit.rtc.resources"]
