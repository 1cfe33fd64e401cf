//! The allocator honours every layout it is asked for: alignment, zeroing, and contents kept
//! across reallocation, on the plain path and the aligned one. Runs with `MiMalloc` as this
//! test binary's global allocator, so the test harness itself also runs on it.

use std::alloc::{GlobalAlloc, Layout};
use t2s_alloc::MiMalloc;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn sizes() -> Vec<usize> {
    let mut s: Vec<usize> = (1..=130).collect();
    s.extend([
        255,
        256,
        257,
        1000,
        1024,
        1025,
        4096,
        65_536,
        1 << 20,
        (1 << 22) + 3,
    ]);
    s
}

#[test]
#[allow(unsafe_code)]
fn every_layout_is_aligned_zeroed_and_kept() {
    for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
        for size in sizes() {
            let layout = Layout::from_size_align(size, align).expect("valid layout");
            // SAFETY: the layout has a non-zero size; each block is freed once, with its layout.
            unsafe {
                let p = GLOBAL.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "alloc size {size} align {align}");
                for i in 0..size {
                    *p.add(i) = (i % 251) as u8;
                }
                let grown = size * 3 + 1;
                let q = GLOBAL.realloc(p, layout, grown);
                assert!(!q.is_null());
                assert_eq!(
                    q as usize % align,
                    0,
                    "realloc {size}->{grown} align {align}"
                );
                for i in 0..size {
                    assert_eq!(*q.add(i), (i % 251) as u8, "byte {i} after realloc");
                }
                let shrunk = (size / 2).max(1);
                let r = GLOBAL.realloc(q, Layout::from_size_align_unchecked(grown, align), shrunk);
                assert!(!r.is_null());
                assert_eq!(
                    r as usize % align,
                    0,
                    "shrink {grown}->{shrunk} align {align}"
                );
                for i in 0..shrunk {
                    assert_eq!(*r.add(i), (i % 251) as u8);
                }
                GLOBAL.dealloc(r, Layout::from_size_align_unchecked(shrunk, align));

                let z = GLOBAL.alloc_zeroed(layout);
                assert!(!z.is_null());
                assert_eq!(
                    z as usize % align,
                    0,
                    "alloc_zeroed size {size} align {align}"
                );
                assert!((0..size).all(|i| *z.add(i) == 0), "zeroed {size} {align}");
                GLOBAL.dealloc(z, layout);
            }
        }
    }
}

#[test]
fn collections_work_across_threads() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut v: Vec<String> = Vec::new();
                for i in 0..20_000 {
                    v.push(format!("{t}-{i}"));
                }
                v
            })
        })
        .collect();
    // Blocks made on one thread are freed on this one (mimalloc's cross-thread free).
    let all: Vec<Vec<String>> = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .collect();
    assert_eq!(all.iter().map(Vec::len).sum::<usize>(), 80_000);
    assert_eq!(all[3][19_999], "3-19999");
}
