;; SRFI-4 per-type procedures over the %numvector primitives, whose errors
;; name the procedure here that calls them; u8vectors are bytevectors, whose
;; procedures the core defines.
(define-syntax %define-numvector
  (syntax-rules ()
    ((_ tag pred make ctor len ref set to-list from-list to-blob to-blob/shared from-blob from-blob/shared sub)
     (begin
       (define (pred x) (%numvector? 'tag x))
       (define (make n . opt) (%make-numvector 'tag n (if (pair? opt) (car opt) #!default)))
       (define (ctor . xs) (%numvector 'tag xs))
       (define (len v) (%numvector-length 'tag v))
       (define (ref v i) (%numvector-ref 'tag v i))
       (define (set v i x) (%numvector-set! 'tag v i x))
       (define (to-list v) (%numvector->list 'tag v))
       (define (from-list l) (%list->numvector 'tag l))
       (define (to-blob v) (%numvector->blob 'tag v))
       (define (to-blob/shared v) (%numvector->blob 'tag v #t))
       (define (from-blob b) (%blob->numvector 'tag b))
       (define (from-blob/shared b) (%blob->numvector 'tag b #t))
       (define (sub v from to) (%subnumvector 'tag v from to))))))
(%define-numvector s8 s8vector? make-s8vector s8vector s8vector-length s8vector-ref s8vector-set! s8vector->list list->s8vector
                   s8vector->blob s8vector->blob/shared blob->s8vector blob->s8vector/shared subs8vector)
(%define-numvector u16 u16vector? make-u16vector u16vector u16vector-length u16vector-ref u16vector-set! u16vector->list list->u16vector
                   u16vector->blob u16vector->blob/shared blob->u16vector blob->u16vector/shared subu16vector)
(%define-numvector s16 s16vector? make-s16vector s16vector s16vector-length s16vector-ref s16vector-set! s16vector->list list->s16vector
                   s16vector->blob s16vector->blob/shared blob->s16vector blob->s16vector/shared subs16vector)
(%define-numvector u32 u32vector? make-u32vector u32vector u32vector-length u32vector-ref u32vector-set! u32vector->list list->u32vector
                   u32vector->blob u32vector->blob/shared blob->u32vector blob->u32vector/shared subu32vector)
(%define-numvector s32 s32vector? make-s32vector s32vector s32vector-length s32vector-ref s32vector-set! s32vector->list list->s32vector
                   s32vector->blob s32vector->blob/shared blob->s32vector blob->s32vector/shared subs32vector)
(%define-numvector u64 u64vector? make-u64vector u64vector u64vector-length u64vector-ref u64vector-set! u64vector->list list->u64vector
                   u64vector->blob u64vector->blob/shared blob->u64vector blob->u64vector/shared subu64vector)
(%define-numvector s64 s64vector? make-s64vector s64vector s64vector-length s64vector-ref s64vector-set! s64vector->list list->s64vector
                   s64vector->blob s64vector->blob/shared blob->s64vector blob->s64vector/shared subs64vector)
(%define-numvector f32 f32vector? make-f32vector f32vector f32vector-length f32vector-ref f32vector-set! f32vector->list list->f32vector
                   f32vector->blob f32vector->blob/shared blob->f32vector blob->f32vector/shared subf32vector)
(%define-numvector f64 f64vector? make-f64vector f64vector f64vector-length f64vector-ref f64vector-set! f64vector->list list->f64vector
                   f64vector->blob f64vector->blob/shared blob->f64vector blob->f64vector/shared subf64vector)
;; u8vectors: the core's procedures, and these.
(define (u8vector->blob/shared v) (%numvector->blob 'u8 v #t))
(define (blob->u8vector/shared b) (%blob->numvector 'u8 b #t))
(define (subu8vector v from to) (%subnumvector 'u8 v from to))
