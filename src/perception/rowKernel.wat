;; The fused row pass of the perceive phase (docs/model.md §5.2 and §5.7) in WebAssembly with 128-bit
;; SIMD: row i's belief update and Walt's threat with its argmax, two entries at a time. It computes
;; exactly what `fusedRow` in perceivePhase.ts computes — the same IEEE operations in the same order,
;; no fused multiply-add (WebAssembly has none in this instruction set), the same tie rule — so every
;; result is bit-identical; test/unit/perception/rowKernel.test.ts checks that on worlds run both ways.
;; Built into rowKernelWasm.ts by `npm run build:wasm` (scripts/build-wasm.mjs, wabt).
;;
;; Memory (the world's, see RowKernel.ts): every pointer is a byte address of Float64 data (idHash:
;; Uint32). Per entry j of the row:
;;   v = keep·ahat_ij + obs_j                         the pending update; for the `armed` states j of the
;;                                                    arming list, obs_j + arm_j·G_ij (the arming evidence,
;;                                                    N31: added to the row's observations before the row
;;                                                    and taken back after it, as perceivePhase.ts does for
;;                                                    fusedRow, so the loop carries no per-entry term for it)
;;   a = min(max(v, 0), 1), as (v + |v|)/2 and then "> 1 ? 1"; ahat_ij ← a
;;   skip j when a·(w_P + w_G·G_ij + O_ij) < best T so far, or j = i (the bound of perceivePhase.ts)
;;   else T_ij = a·(w_P·F_ij + w_G·G_ij + O_ij)·f_j, F_ij the power factor with the shift (N32), and
;;   the argmax: larger T, or equal T and larger cinc_j, or a full tie and the smaller mix32(u, id_j).
;; After the row ahat_ii ← 0. Returns j* (−1 if none) and writes T_ij* at address 0; then, when asked,
;; the row's entries toward a list of states (the guessed targets and the great powers).
;; The tick's constants (addresses, n, the weights) are set once per tick by `setup`, so a row's call
;; passes only what changes per row: each call from JavaScript costs about as much as 10 entries.
(module
  (memory (import "env" "memory") 1)

  ;; The argmax of the current row.
  (global $best (mut i32) (i32.const -1))
  (global $bestT (mut f64) (f64.const -inf))
  (global $bestC (mut f64) (f64.const -inf))
  (global $bestKey (mut i64) (i64.const -1)) ;; −1: not computed yet
  ;; The tick's constants (setup): byte addresses, the number of states and the weights.
  (global $ahatP (mut i32) (i32.const 0))
  (global $proxP (mut i32) (i32.const 0))
  (global $cincP (mut i32) (i32.const 0))
  (global $pastP (mut i32) (i32.const 0))
  (global $fP (mut i32) (i32.const 0))
  (global $hashP (mut i32) (i32.const 0))
  (global $listP (mut i32) (i32.const 0))
  (global $outP (mut i32) (i32.const 0))
  (global $armListP (mut i32) (i32.const 0)) ;; the states that armed (i32), their evidence by state (f64), saved obs (f64)
  (global $armP (mut i32) (i32.const 0))
  (global $savedP (mut i32) (i32.const 0))
  (global $n (mut i32) (i32.const 0))
  (global $wP (mut f64) (f64.const 0))
  (global $wG (mut f64) (f64.const 0))
  (global $wS (mut f64) (f64.const 0))
  ;; The current row's constants: cinc_i, its value a window ago, and the tie draw.
  (global $ci (mut f64) (f64.const 0))
  (global $ci0 (mut f64) (f64.const 0))
  (global $u (mut i32) (i32.const 0))

  (func (export "setup") (param $ahat i32) (param $prox i32) (param $cinc i32) (param $past i32) (param $f i32)
        (param $hash i32) (param $list i32) (param $out i32) (param $armList i32) (param $arm i32) (param $saved i32)
        (param $n i32) (param $wP f64) (param $wG f64) (param $wS f64)
    (global.set $armListP (local.get $armList)) (global.set $armP (local.get $arm)) (global.set $savedP (local.get $saved))
    (global.set $ahatP (local.get $ahat)) (global.set $proxP (local.get $prox)) (global.set $cincP (local.get $cinc))
    (global.set $pastP (local.get $past)) (global.set $fP (local.get $f)) (global.set $hashP (local.get $hash))
    (global.set $listP (local.get $list)) (global.set $outP (local.get $out)) (global.set $n (local.get $n))
    (global.set $wP (local.get $wP)) (global.set $wG (local.get $wG)) (global.set $wS (local.get $wS)))

  ;; mix32 of src/random/hashString.ts
  (func $mix32 (param $a i32) (param $b i32) (result i32)
    (local $h i32)
    (local.set $h (i32.xor (local.get $a) (i32.mul (local.get $b) (i32.const 0x9e3779b1))))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))

  ;; aggregatePower of powerShift.ts (Walt's power factor with the power shift, N32)
  (func $power (param $ci f64) (param $cj f64) (param $ci0 f64) (param $cj0 f64) (param $wS f64) (result f64)
    (local $sum f64) (local $P f64) (local $sum0 f64) (local $rise f64) (local $f f64)
    (local.set $sum (f64.add (local.get $ci) (local.get $cj)))
    (local.set $P (if (result f64) (f64.gt (local.get $sum) (f64.const 0)) (then (f64.div (local.get $cj) (local.get $sum))) (else (f64.const 0.5))))
    (if (f64.eq (local.get $wS) (f64.const 0)) (then (return (local.get $P))))
    (if (i32.eqz (f64.gt (f64.mul (local.get $cj) (local.get $ci0)) (f64.mul (local.get $cj0) (local.get $ci)))) (then (return (local.get $P))))
    (local.set $sum0 (f64.add (local.get $ci0) (local.get $cj0)))
    (local.set $rise (f64.sub (local.get $P) (if (result f64) (f64.gt (local.get $sum0) (f64.const 0)) (then (f64.div (local.get $cj0) (local.get $sum0))) (else (f64.const 0.5)))))
    (if (i32.eqz (f64.gt (local.get $rise) (f64.const 0))) (then (return (local.get $P))))
    (local.set $f (f64.add (local.get $P) (f64.mul (local.get $wS) (local.get $rise))))
    (if (result f64) (f64.gt (local.get $f) (f64.const 1)) (then (f64.const 1)) (else (local.get $f))))

  ;; An entry that the bound let through: its T_ij and the argmax with the tie rule.
  (func $cand (param $j i32) (param $a f64) (param $g f64) (param $oj f64)
    (local $cj f64) (local $P f64) (local $t f64) (local $key i64) (local $j8 i32)
    (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
    (local.set $cj (f64.load (i32.add (global.get $cincP) (local.get $j8))))
    (local.set $P (call $power (global.get $ci) (local.get $cj) (global.get $ci0) (f64.load (i32.add (global.get $pastP) (local.get $j8))) (global.get $wS)))
    (local.set $t (f64.mul (f64.mul (local.get $a) (f64.add (f64.add (f64.mul (global.get $wP) (local.get $P)) (f64.mul (global.get $wG) (local.get $g))) (local.get $oj)))
                           (f64.load (i32.add (global.get $fP) (local.get $j8)))))
    (if (i32.or (f64.gt (local.get $t) (global.get $bestT))
                (i32.and (f64.eq (local.get $t) (global.get $bestT)) (f64.gt (local.get $cj) (global.get $bestC))))
      (then (global.set $best (local.get $j)) (global.set $bestT (local.get $t)) (global.set $bestC (local.get $cj)) (global.set $bestKey (i64.const -1)))
      (else
        (if (i32.and (f64.eq (local.get $t) (global.get $bestT)) (f64.eq (local.get $cj) (global.get $bestC)))
          (then
            (if (i64.lt_s (global.get $bestKey) (i64.const 0))
              (then (global.set $bestKey (i64.extend_i32_u (call $mix32 (global.get $u) (i32.load (i32.add (global.get $hashP) (i32.shl (global.get $best) (i32.const 2)))))))))
            (local.set $key (i64.extend_i32_u (call $mix32 (global.get $u) (i32.load (i32.add (global.get $hashP) (i32.shl (local.get $j) (i32.const 2)))))))
            ;; equal keys (two states with the same identity hash): the smaller index, as in row order
            (if (i32.or (i64.lt_s (local.get $key) (global.get $bestKey))
                        (i32.and (i64.eq (local.get $key) (global.get $bestKey)) (i32.lt_s (local.get $j) (global.get $best))))
              (then (global.set $best (local.get $j)) (global.set $bestKey (local.get $key)))))))))

  ;; The threat entries T_ij of row i toward the list's first `count` states j (last tick's targets
  ;; and the great powers, collected while the row is in cache): out[g] = a_ij·(w_P·F_ij + w_G·G_ij +
  ;; O_ij)·f_j, 0 for j = i — collectGuessedColumns in perceivePhase.ts, the same expression.
  (func $guesses (export "guesses") (param $i i32) (param $oP i32) (param $count i32)
    (local $g i32) (local $j i32) (local $j8 i32) (local $ci f64) (local $ci0 f64) (local $P f64) (local $row i32)
    (local $aP i32) (local $gP i32) (local $cincP i32) (local $pastP i32) (local $fP i32) (local $listP i32) (local $outP i32)
    (local $wP f64) (local $wG f64) (local $wS f64)
    (local.set $row (i32.shl (i32.mul (local.get $i) (global.get $n)) (i32.const 3)))
    (local.set $aP (i32.add (global.get $ahatP) (local.get $row)))
    (local.set $gP (i32.add (global.get $proxP) (local.get $row)))
    (local.set $cincP (global.get $cincP)) (local.set $pastP (global.get $pastP)) (local.set $fP (global.get $fP))
    (local.set $listP (global.get $listP)) (local.set $outP (global.get $outP))
    (local.set $wP (global.get $wP)) (local.set $wG (global.get $wG)) (local.set $wS (global.get $wS))
    (local.set $ci (f64.load (i32.add (local.get $cincP) (i32.shl (local.get $i) (i32.const 3)))))
    (local.set $ci0 (f64.load (i32.add (local.get $pastP) (i32.shl (local.get $i) (i32.const 3)))))
    (local.set $g (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $g) (local.get $count)))
        (local.set $j (i32.load (i32.add (local.get $listP) (i32.shl (local.get $g) (i32.const 2)))))
        (if (i32.eq (local.get $j) (local.get $i))
          (then (f64.store (i32.add (local.get $outP) (i32.shl (local.get $g) (i32.const 3))) (f64.const 0)))
          (else
            (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
            (local.set $P (call $power (local.get $ci) (f64.load (i32.add (local.get $cincP) (local.get $j8)))
                                       (local.get $ci0) (f64.load (i32.add (local.get $pastP) (local.get $j8))) (local.get $wS)))
            (f64.store (i32.add (local.get $outP) (i32.shl (local.get $g) (i32.const 3)))
              (f64.mul
                (f64.mul (f64.load (i32.add (local.get $aP) (local.get $j8)))
                         (f64.add (f64.add (f64.mul (local.get $wP) (local.get $P)) (f64.mul (local.get $wG) (f64.load (i32.add (local.get $gP) (local.get $j8)))))
                                  (f64.load (i32.add (local.get $oP) (local.get $j8)))))
                (f64.load (i32.add (local.get $fP) (local.get $j8)))))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $each))))

  ;; Row i: entries in pairs (f64x2); a pair goes to the scalar path when a lane passes the bound or
  ;; holds i. obsP: the row's observations; oP: the offence terms for i (open or nuclear); seed: a
  ;; likely winner taken first (−1: none); count > 0: then the guessed columns (see "guesses"); armed:
  ;; how many states of the arming list add their evidence to the row's observations (0: none).
  (func (export "row") (param $i i32) (param $u i32) (param $keep f64) (param $obsP i32) (param $oP i32)
        (param $seed i32) (param $count i32) (param $armed i32) (result i32)
    (local $j i32) (local $j8 i32) (local $n i32) (local $aP i32) (local $gP i32) (local $wP f64) (local $wG f64)
    (local $keep2 v128) (local $half v128) (local $one v128) (local $wP2 v128) (local $wG2 v128)
    (local $v v128) (local $a v128) (local $g v128) (local $o v128) (local $bound v128)
    (local $k i32) (local $ak f64) (local $gk f64) (local $ok f64) (local $v1 f64) (local $z f64) (local $end2 i32)
    (global.set $best (i32.const -1)) (global.set $bestT (f64.const -inf)) (global.set $bestC (f64.const -inf)) (global.set $bestKey (i64.const -1))
    (local.set $n (global.get $n))
    (local.set $aP (i32.add (global.get $ahatP) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
    (local.set $gP (i32.add (global.get $proxP) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
    (local.set $wP (global.get $wP))
    (local.set $wG (global.get $wG))
    (global.set $ci (f64.load (i32.add (global.get $cincP) (i32.shl (local.get $i) (i32.const 3)))))
    (global.set $ci0 (f64.load (i32.add (global.get $pastP) (i32.shl (local.get $i) (i32.const 3)))))
    (global.set $u (local.get $u))
    (local.set $keep2 (f64x2.splat (local.get $keep)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $wP2 (f64x2.splat (local.get $wP)))
    (local.set $wG2 (f64x2.splat (local.get $wG)))
    (local.set $end2 (i32.and (local.get $n) (i32.const -2)))
    ;; The arming evidence: obs_j ← obs_j + arm_j·G_ij for the armed j, the old values saved.
    (local.set $k (i32.const 0))
    (block $added
      (loop $add
        (br_if $added (i32.ge_s (local.get $k) (local.get $armed)))
        (local.set $j8 (i32.shl (i32.load (i32.add (global.get $armListP) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
        (local.set $ok (f64.load (i32.add (local.get $obsP) (local.get $j8))))
        (f64.store (i32.add (global.get $savedP) (i32.shl (local.get $k) (i32.const 3))) (local.get $ok))
        (f64.store (i32.add (local.get $obsP) (local.get $j8))
          (f64.add (local.get $ok) (f64.mul (f64.load (i32.add (global.get $armP) (local.get $j8))) (f64.load (i32.add (local.get $gP) (local.get $j8))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $add)))
    ;; The seed (last tick's target, −1 for none) is taken as a candidate first, from its updated
    ;; belief computed as the loop computes it (not stored: the loop stores it). The argmax is the
    ;; lexicographic maximum of (T, cinc_j, −key_j, −j), whatever the order, so a seed that is likely
    ;; the winner only raises the bound early: the loop then skips more entries. The loop meets the
    ;; seed again as an exact tie with itself, which changes nothing.
    (if (i32.and (i32.lt_u (local.get $seed) (local.get $n)) (i32.ne (local.get $seed) (local.get $i)))
      (then
        (local.set $j8 (i32.shl (local.get $seed) (i32.const 3)))
        (local.set $gk (f64.load (i32.add (local.get $gP) (local.get $j8))))
        (local.set $v1 (f64.add (f64.mul (local.get $keep) (f64.load (i32.add (local.get $aP) (local.get $j8))))
                                (f64.load (i32.add (local.get $obsP) (local.get $j8)))))
        (local.set $z (f64.mul (f64.add (local.get $v1) (f64.abs (local.get $v1))) (f64.const 0.5)))
        (local.set $ak (if (result f64) (f64.gt (local.get $z) (f64.const 1)) (then (f64.const 1)) (else (local.get $z))))
        (call $cand (local.get $seed) (local.get $ak) (local.get $gk) (f64.load (i32.add (local.get $oP) (local.get $j8))))))
    (local.set $j (i32.const 0))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $end2)))
        (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $g (v128.load (i32.add (local.get $gP) (local.get $j8))))
        (local.set $v (f64x2.add (f64x2.mul (local.get $keep2) (v128.load (i32.add (local.get $aP) (local.get $j8))))
                                 (v128.load (i32.add (local.get $obsP) (local.get $j8)))))
        (local.set $v (f64x2.mul (f64x2.add (local.get $v) (f64x2.abs (local.get $v))) (local.get $half)))
        (local.set $a (v128.bitselect (local.get $one) (local.get $v) (f64x2.gt (local.get $v) (local.get $one))))
        (v128.store (i32.add (local.get $aP) (local.get $j8)) (local.get $a))
        (local.set $o (v128.load (i32.add (local.get $oP) (local.get $j8))))
        (local.set $bound (f64x2.mul (local.get $a) (f64x2.add (f64x2.add (local.get $wP2) (f64x2.mul (local.get $wG2) (local.get $g))) (local.get $o))))
        (if (i32.or (i32.eqz (i64x2.all_true (f64x2.lt (local.get $bound) (f64x2.splat (global.get $bestT)))))
                    (i32.eq (i32.shr_u (local.get $i) (i32.const 1)) (i32.shr_u (local.get $j) (i32.const 1))))
          (then
            ;; lane 0
            (local.set $k (local.get $j))
            (local.set $ak (f64x2.extract_lane 0 (local.get $a)))
            (local.set $gk (f64x2.extract_lane 0 (local.get $g)))
            (local.set $ok (f64x2.extract_lane 0 (local.get $o)))
            (if (i32.and (i32.eqz (f64.lt (f64.mul (local.get $ak) (f64.add (f64.add (local.get $wP) (f64.mul (local.get $wG) (local.get $gk))) (local.get $ok))) (global.get $bestT)))
                         (i32.ne (local.get $k) (local.get $i)))
              (then (call $cand (local.get $k) (local.get $ak) (local.get $gk) (local.get $ok))))
            ;; lane 1
            (local.set $k (i32.add (local.get $j) (i32.const 1)))
            (local.set $ak (f64x2.extract_lane 1 (local.get $a)))
            (local.set $gk (f64x2.extract_lane 1 (local.get $g)))
            (local.set $ok (f64x2.extract_lane 1 (local.get $o)))
            (if (i32.and (i32.eqz (f64.lt (f64.mul (local.get $ak) (f64.add (f64.add (local.get $wP) (f64.mul (local.get $wG) (local.get $gk))) (local.get $ok))) (global.get $bestT)))
                         (i32.ne (local.get $k) (local.get $i)))
              (then (call $cand (local.get $k) (local.get $ak) (local.get $gk) (local.get $ok))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
    ;; odd tail
    (if (i32.lt_u (local.get $j) (local.get $n))
      (then
        (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $gk (f64.load (i32.add (local.get $gP) (local.get $j8))))
        (local.set $v1 (f64.add (f64.mul (local.get $keep) (f64.load (i32.add (local.get $aP) (local.get $j8))))
                                (f64.load (i32.add (local.get $obsP) (local.get $j8)))))
        (local.set $z (f64.mul (f64.add (local.get $v1) (f64.abs (local.get $v1))) (f64.const 0.5)))
        (local.set $ak (if (result f64) (f64.gt (local.get $z) (f64.const 1)) (then (f64.const 1)) (else (local.get $z))))
        (f64.store (i32.add (local.get $aP) (local.get $j8)) (local.get $ak))
        (local.set $ok (f64.load (i32.add (local.get $oP) (local.get $j8))))
        (if (i32.and (i32.eqz (f64.lt (f64.mul (local.get $ak) (f64.add (f64.add (local.get $wP) (f64.mul (local.get $wG) (local.get $gk))) (local.get $ok))) (global.get $bestT)))
                     (i32.ne (local.get $j) (local.get $i)))
          (then (call $cand (local.get $j) (local.get $ak) (local.get $gk) (local.get $ok))))))
    (f64.store (i32.add (local.get $aP) (i32.shl (local.get $i) (i32.const 3))) (f64.const 0))
    (f64.store (i32.const 0) (global.get $bestT))
    ;; The row's observations back as they were (they may be shared between rows).
    (local.set $k (i32.const 0))
    (block $restored
      (loop $restore
        (br_if $restored (i32.ge_s (local.get $k) (local.get $armed)))
        (f64.store (i32.add (local.get $obsP) (i32.shl (i32.load (i32.add (global.get $armListP) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
                   (f64.load (i32.add (global.get $savedP) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $restore)))
    (if (i32.gt_s (local.get $count) (i32.const 0)) (then (call $guesses (local.get $i) (local.get $oP) (local.get $count))))
    (global.get $best))
)
