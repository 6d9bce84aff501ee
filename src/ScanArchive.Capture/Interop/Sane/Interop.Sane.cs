using System.Runtime.InteropServices;

namespace ScanArchive.Capture;

/// <summary>
/// SANE 1.x C API (sane/sane.h) from Debian's libsane.so.1 (the dll meta-backend). C names verbatim. SANE_Word,
/// SANE_Int, SANE_Bool and SANE_Status are 32-bit; SANE_Fixed is int/65536. Backends are not thread-safe: every call
/// goes through <see cref="Sane.SaneThread"/>.
/// </summary>
internal static partial class Interop
{
    internal static partial class Sane
    {
        internal const string LibraryName = "libsane.so.1";

        // SANE_Action
        internal const int SANE_ACTION_GET_VALUE = 0;
        internal const int SANE_ACTION_SET_VALUE = 1;
        internal const int SANE_ACTION_SET_AUTO = 2;

        /// <summary>SANE_Option_Descriptor, 56 bytes on x64.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SANE_Option_Descriptor
        {
            public nint name;
            public nint title;
            public nint desc;
            public int type;
            public int unit;
            public int size;
            public int cap;
            public int constraint_type;
            public nint constraint;
        }

        /// <summary>SANE_Parameters, 24 bytes.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SANE_Parameters
        {
            public int format;
            public int last_frame;
            public int bytes_per_line;
            public int pixels_per_line;
            public int lines;
            public int depth;
        }

        /// <summary>SANE_Device: four const char*.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SANE_Device
        {
            public nint name;
            public nint vendor;
            public nint model;
            public nint type;
        }

        /// <summary>SANE_Range: min, max, quant as SANE_Word.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SANE_Range
        {
            public int min;
            public int max;
            public int quant;
        }

        [LibraryImport(LibraryName)]
        internal static partial int sane_init(out int version_code, nint authorize);

        [LibraryImport(LibraryName)]
        internal static partial void sane_exit();

        /// <summary>device_list: NULL-terminated array of SANE_Device*, owned by SANE until the next call or sane_exit.</summary>
        [LibraryImport(LibraryName)]
        internal static partial int sane_get_devices(out nint device_list, int local_only);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int sane_open(string name, out nint handle);

        [LibraryImport(LibraryName)]
        internal static partial void sane_close(nint handle);

        /// <summary>Borrowed pointer, valid until the options are reloaded or the device is closed.</summary>
        [LibraryImport(LibraryName)]
        internal static partial nint sane_get_option_descriptor(SafeSaneDeviceHandle handle, int option);

        [LibraryImport(LibraryName)]
        internal static unsafe partial int sane_control_option(SafeSaneDeviceHandle handle, int option, int action, void* value, out int info);

        [LibraryImport(LibraryName)]
        internal static partial int sane_start(SafeSaneDeviceHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial int sane_get_parameters(SafeSaneDeviceHandle handle, out SANE_Parameters parameters);

        [LibraryImport(LibraryName)]
        internal static unsafe partial int sane_read(SafeSaneDeviceHandle handle, byte* data, int max_length, out int length);

        [LibraryImport(LibraryName)]
        internal static partial void sane_cancel(SafeSaneDeviceHandle handle);

        /// <summary>Static string owned by SANE.</summary>
        [LibraryImport(LibraryName)]
        internal static partial nint sane_strstatus(int status);

        internal static string? Text(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);
    }
}
