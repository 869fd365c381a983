-- Headless Neovim 0.7 as a real LSP client of zh-corpus: open a file, wait for the server's
-- diagnostics, ask for the code actions of the first mixed-script one, apply the preferred fix,
-- and write what happened to a JSON file for the test to read. Run:
--   nvim --headless -u NONE -c "luafile check.lua"
-- with ZH_SERVER (path of dist/server.js), ZH_FILE (the file), ZH_OUT (the result file).
local server, file, out = os.getenv('ZH_SERVER'), os.getenv('ZH_FILE'), os.getenv('ZH_OUT')
local result = { diagnostics = {}, actions = {}, applied = false, text = '' }

local function finish()
  result.text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
-- Started with -u NONE there is no filetype detection: the client sends the filetype as languageId.
vim.bo[buf].filetype = 'text'
local id = vim.lsp.start_client({
  name = 'zh-corpus',
  cmd = { 'node', '--min-semi-space-size=4', '--max-semi-space-size=8', '--no-allocation-site-pretenuring', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  workspace_folders = { { uri = vim.uri_from_fname(vim.fn.fnamemodify(file, ':h')), name = 'corpus' } },
})
vim.lsp.buf_attach_client(buf, id)

-- Wait (up to 30 s) for pushed diagnostics.
local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
if not ok then result.error = 'no diagnostics'; return finish() end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end

-- The code actions of the first mixed-script diagnostic, asked the way 0.7 can: a synchronous
-- request. 0.7 keeps only `code` and `data` of the LSP diagnostic in user_data; the line's
-- diagnostics in LSP form (range, message, severity, source) come from vim.lsp.diagnostic.
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if (d.user_data and d.user_data.lsp and d.user_data.lsp.code) == 'mixed-script' then
    for _, lsp in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum)) do
      if lsp.code == 'mixed-script' then target = lsp; break end
    end
    break
  end
end
if not target then result.error = 'no mixed-script diagnostic'; return finish() end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = target.range,
  context = { diagnostics = { target } },
}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.actions, { title = action.title, preferred = action.isPreferred or false })
    if action.isPreferred and action.edit and not result.applied then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      result.applied = true
    end
  end
end
finish()
