;; The tagger's hot loop in WebAssembly: for every unit, the 18 hashed features of features.ts
;; (staticFeatures: the same hashes, in the same order of arguments) and the sum of their weights
;; for the seven tags. In JavaScript this was two thirds of the model's time: 54 hash rounds and
;; 126 loads, shifts and adds of 16-bit weights per unit. Here the hashes are plain 32-bit integer
;; operations and a bucket's seven weights (padded to eight 16-bit lanes, one 16-byte row) are one
;; SIMD load and four adds. The sums are exact integers either way, so the tags are the same.
;; test/entities/model-kernel.test.ts checks both ways agree, and that kernel-binary.ts was built
;; from this file (npm run build-tagger-kernel).
;;
;; Memory (one, given by the loader): the weight rows at $table; the loader places the inputs
;; (unit hashes padded with three sentinels on each side, unit classes padded the same way, the
;; lexicon flags that start and end at each unit) and the output (eight 32-bit sums per unit, the
;; eighth unused) where emit's arguments say.
;; The hashing is written out in the loop, not called: V8 does not inline WebAssembly calls, and two
;; calls per feature were a fifth of the kernel's time. A mix whose first argument is a feature's
;; small constant number drops its (h >>> 13) term, which is 0; the first feature (seed 1, value 0)
;; is the same row for every unit and is read once.
(module
  (import "env" "memory" (memory 1))
  (global $table (import "env" "table") i32)

  ;; n units; shift = 32 - bits; hashes at $H (n + 6 i32), classes at $C (n + 6 u8), lexicon
  ;; flags starting at each unit at $LS and ending before it at $LE (n + 1 u8 each); sums to $E.
  ;; Each feature: features.ts mix (as often as it has values), then finish, then its bucket's row
  ;; (a byte offset: bucket << 4), its eight lanes widened to 32 bits and added.
  (func (export "emit") (param $n i32) (param $shift i32) (param $H i32) (param $C i32) (param $LS i32) (param $LE i32) (param $E i32)
    (local $i i32) (local $hp i32) (local $cp i32) (local $out i32) (local $h i32)
    (local $um3 i32) (local $um2 i32) (local $um1 i32) (local $u0 i32) (local $up1 i32) (local $up2 i32) (local $up3 i32)
    (local $shape i32) (local $lex i32) (local $le i32)
    (local $w v128) (local $lo v128) (local $hi v128) (local $biasLo v128) (local $biasHi v128)
    (if (i32.eqz (local.get $n)) (then (return)))
    ;; 1: the bias, mix(1, 0)
    (local.set $h (i32.mul (i32.add (i32.const 1) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
    (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
    (local.set $biasLo (i32x4.extend_low_i16x8_s (local.get $w)))
    (local.set $biasHi (i32x4.extend_high_i16x8_s (local.get $w)))
    (loop $unit
      ;; the unit and three neighbours on each side (the padding holds the sentinels)
      (local.set $hp (i32.add (local.get $H) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $um3 (i32.load offset=0 (local.get $hp)))
      (local.set $um2 (i32.load offset=4 (local.get $hp)))
      (local.set $um1 (i32.load offset=8 (local.get $hp)))
      (local.set $u0 (i32.load offset=12 (local.get $hp)))
      (local.set $up1 (i32.load offset=16 (local.get $hp)))
      (local.set $up2 (i32.load offset=20 (local.get $hp)))
      (local.set $up3 (i32.load offset=24 (local.get $hp)))
      ;; shape: the classes of the units two before to two after, three bits each
      (local.set $cp (i32.add (local.get $C) (local.get $i)))
      (local.set $shape
        (i32.or (i32.or (i32.or (i32.or
          (i32.load8_u offset=1 (local.get $cp))
          (i32.shl (i32.load8_u offset=2 (local.get $cp)) (i32.const 3)))
          (i32.shl (i32.load8_u offset=3 (local.get $cp)) (i32.const 6)))
          (i32.shl (i32.load8_u offset=4 (local.get $cp)) (i32.const 9)))
          (i32.shl (i32.load8_u offset=5 (local.get $cp)) (i32.const 12))))
      ;; lex: words starting here, ending before here, starting at the next unit
      (local.set $le (i32.load8_u (i32.add (local.get $LE) (local.get $i))))
      (local.set $lex
        (i32.or (i32.or
          (i32.load8_u (i32.add (local.get $LS) (local.get $i)))
          (i32.shl (local.get $le) (i32.const 8)))
          (i32.shl (i32.load8_u offset=1 (i32.add (local.get $LS) (local.get $i))) (i32.const 16))))
      (local.set $lo (local.get $biasLo))
      (local.set $hi (local.get $biasHi))
      ;; 2: u0
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $u0) (i32.const 2)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 3: um1
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um1) (i32.const 3)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 4: up1
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $up1) (i32.const 4)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 5: um2
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um2) (i32.const 5)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 6: up2
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $up2) (i32.const 6)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 7: um1 u0
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um1) (i32.const 7)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $u0)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 8: u0 up1
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $u0) (i32.const 8)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 9: um1 u0 up1
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um1) (i32.const 9)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $u0)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 10: um2 um1 u0
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um2) (i32.const 10)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $um1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $u0)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 11: u0 up1 up2
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $u0) (i32.const 11)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up2)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 12: um3 um2 um1 u0
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um3) (i32.const 12)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $um2)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $um1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $u0)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 13: u0 up1 up2 up3
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $u0) (i32.const 13)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up2)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up3)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 14: shape
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $shape) (i32.const 14)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 15: lex
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $lex) (i32.const 15)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 16: lex u0
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $lex) (i32.const 16)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $u0)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 17: le shape
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $le) (i32.const 17)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $shape)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      ;; 18: um2 um1 up1
      (local.set $h (i32.mul (i32.add (i32.xor (local.get $um2) (i32.const 18)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $um1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.xor (i32.mul (i32.add (i32.xor (local.get $h) (local.get $up1)) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)) (i32.shr_u (local.get $h) (i32.const 13))))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x7feb352d)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x846ca68b)))
      (local.set $w (v128.load (i32.add (global.get $table) (i32.shl (i32.shr_u (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (local.get $shift)) (i32.const 4)))))
      (local.set $lo (i32x4.add (local.get $lo) (i32x4.extend_low_i16x8_s (local.get $w))))
      (local.set $hi (i32x4.add (local.get $hi) (i32x4.extend_high_i16x8_s (local.get $w))))
      (local.set $out (i32.add (local.get $E) (i32.shl (local.get $i) (i32.const 5))))
      (v128.store offset=0 (local.get $out) (local.get $lo))
      (v128.store offset=16 (local.get $out) (local.get $hi))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $unit (i32.lt_u (local.get $i) (local.get $n))))))
