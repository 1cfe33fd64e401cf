//! The global allocator of the CLI, the Python extension and the benchmarks: mimalloc.
//!
//! The `mimalloc` crate's `MiMalloc` sends every allocation through `mi_malloc_aligned`, whose
//! extra layers cost about 3 % of all instructions of a TPC pass (callgrind, 2026-11-25:
//! 52.7 M → 51.1 M per pass; ARCHITECTURE.md, Performance 10): the pipeline makes ~600 small
//! allocations per query. mimalloc's plain `mi_malloc` already returns blocks aligned to 16
//! bytes, or to their size when that is smaller and a multiple of 8, so a layout whose alignment
//! is at most 16 and at most its size takes the plain calls; any other layout takes the aligned
//! ones. This is the rule the `mimalloc` crate itself used before it routed everything through
//! the aligned path.
//!
//! The library crates set no global allocator: the program that links them chooses.
//!
//! ```
//! #[global_allocator]
//! static GLOBAL: t2s_alloc::MiMalloc = t2s_alloc::MiMalloc;
//! let v: Vec<u64> = (0..1000).collect();
//! assert_eq!(v.iter().sum::<u64>(), 499_500);
//! ```

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc as a [`GlobalAlloc`], the plain calls for layouts they already satisfy.
#[derive(Debug, Clone, Copy, Default)]
pub struct MiMalloc;

/// The alignment every block of `mi_malloc` has when its size is at least this
/// (`MI_MAX_ALIGN_SIZE` on 64-bit targets; smaller blocks are aligned to a multiple of 8 that
/// covers their size).
const PLAIN_ALIGN: usize = 16;

/// Whether `mi_malloc(size)` (or `mi_realloc` to `size`) gives memory aligned to `align`.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

// SAFETY: every method forwards to mimalloc with a size and, where the plain call would not
// guarantee the layout's alignment, that alignment (see `plain`); mimalloc's functions are
// thread-safe and return null on failure, as `GlobalAlloc` requires.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        libmimalloc_sys::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            libmimalloc_sys::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
                .cast()
        }
    }
}
