;;; check.el --- Emacs 28 with eglot 1.9 as a real LSP client of zh-corpus  -*- lexical-binding: t -*-
;;
;; Opens a corpus file, waits for the server's pushed diagnostics (through Flymake, as a user sees
;; them), applies the preferred quick fix with `eglot-code-actions' (the default of its menu, as
;; RET picks it), then hovers a name in another file with eglot's hover function, and writes what
;; happened to a JSON file for test/lsp/emacs.test.ts. Run:
;;   emacs --batch -l check.el
;; with ZH_SERVER (dist/server.js), ZH_FILE (file with problems), ZH_NAMES (file with a name),
;; ZH_NAME (the name to hover) and ZH_OUT (the result file).

(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar zh-result (list (cons 'diagnostics []) (cons 'actions []) (cons 'applied :json-false)))

(defun zh-set (key value) (setf (alist-get key zh-result) value))

(defun zh-finish (&optional error)
  (when error (zh-set 'error error))
  (with-temp-file (getenv "ZH_OUT") (insert (json-encode zh-result)))
  (kill-emacs 0))

(defun zh-wait (seconds predicate)
  "Let the server talk (process output, timers) until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(condition-case err
    (let* ((file (getenv "ZH_FILE"))
           (dir (file-name-as-directory (file-name-directory file)))
           (eglot-sync-connect t)
           (eglot-events-buffer-size 0))
      (find-file file)
      (text-mode)
      ;; A folder that is not a repository: a transient project rooted at it (project.el).
      (eglot '(text-mode) (cons 'transient dir) 'eglot-lsp-server
             (list "node" "--min-semi-space-size=4" "--max-semi-space-size=8" "--no-allocation-site-pretenuring" (getenv "ZH_SERVER") "--stdio") "plaintext")
      (unless (eglot-current-server) (zh-finish "no eglot server"))
      ;; Pushed diagnostics reach Flymake; start it in case batch mode deferred it.
      (let ((diags (sort (zh-wait 60 (lambda ()
                                       (unless flymake-mode (flymake-mode 1))
                                       (flymake-start nil t)
                                       (flymake-diagnostics)))
                         (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
        (unless diags (zh-finish "no diagnostics"))
        (zh-set 'diagnostics
                (vconcat (mapcar (lambda (d)
                                   (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
                                     (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                           (cons 'code (plist-get lsp :code))
                                           (cons 'text (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))))
                                 diags)))
        ;; The first mixed-script diagnostic: its code actions, the preferred one applied.
        (let ((target (cl-find-if (lambda (d) (equal (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))) :code) "mixed-script")) diags)))
          (unless target (zh-finish "no mixed-script diagnostic"))
          (let ((last-nonmenu-event 13))
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (_prompt collection &rest args)
                         (zh-set 'actions (vconcat (mapcar #'car collection)))
                         (nth 4 args))))
              (eglot-code-actions (flymake-diagnostic-beg target) (flymake-diagnostic-end target) nil t)))
          (zh-set 'applied t)
          (zh-set 'text (buffer-substring-no-properties (point-min) (point-max)))))
      ;; Hover: a name in another file of the corpus, once the server has found the corpus's names.
      (find-file (getenv "ZH_NAMES"))
      (text-mode)
      (eglot--maybe-activate-editing-mode)
      (goto-char (point-min))
      (search-forward (getenv "ZH_NAME"))
      (backward-char 1)
      (let ((hover (zh-wait 60 (lambda ()
                                 (let (info (asked nil))
                                   (eglot-hover-eldoc-function (lambda (text &rest _) (setq info (or text "")) (setq asked t)))
                                   (zh-wait 5 (lambda () asked))
                                   (and info (> (length info) 0) info))))))
        (zh-set 'hover (or hover :json-null)))
      (zh-finish))
  (error (zh-finish (format "%S" err))))
