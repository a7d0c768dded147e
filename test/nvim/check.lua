-- Drives Neovim's built-in LSP client (0.7+) against bulwark-server: open a Dockerfile, wait for the
-- pushed diagnostics, edit the buffer (incremental didChange), wait for the finding to go, then write
-- what Neovim saw as JSON and quit. Inputs come from environment variables set by neovim.test.ts.

local node = os.getenv('BULWARK_NODE') or 'node'
local server = assert(os.getenv('BULWARK_SERVER'), 'BULWARK_SERVER is not set')
local file = assert(os.getenv('BULWARK_DOCKERFILE'), 'BULWARK_DOCKERFILE is not set')
local out = assert(os.getenv('BULWARK_OUT'), 'BULWARK_OUT is not set')
local pack = os.getenv('BULWARK_PACK')
local rule = os.getenv('BULWARK_RULE') or 'test-image-pin'
local policy_ref = os.getenv('BULWARK_POLICY_REF')
local policy_key = os.getenv('BULWARK_POLICY_KEY')
local edit = os.getenv('BULWARK_EDIT') ~= '0'
local filetype = os.getenv('BULWARK_FILETYPE') or 'dockerfile'
local root = os.getenv('BULWARK_ROOT')

local function code_of(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or vim.NIL
end

local function snapshot()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp
    local related = {}
    for _, r in ipairs((lsp and lsp.relatedInformation) or {}) do
      table.insert(related, { uri = r.location.uri, line = r.location.range.start.line, message = r.message })
    end
    table.insert(list, {
      code = code_of(d), source = d.source or vim.NIL, message = d.message, severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, related = related,
    })
  end
  return list
end

local function has_rule()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if code_of(d) == rule then return true end
  end
  return false
end

local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = filetype
  local client_id = vim.lsp.start_client({
    name = 'bulwark',
    cmd = { node, server, '--stdio' },
    root_dir = root or vim.fn.fnamemodify(file, ':h'),
    init_options = {
      extraPackRoots = pack and { pack } or {},
      policy = policy_ref and { ref = policy_ref, publicKey = policy_key } or nil,
    },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(0, client_id)
  result.initial_arrived = vim.wait(20000, has_rule, 50)
  result.initial = snapshot()
  if edit then
    -- Replace "latest" with "20" in `FROM node:latest`: an incremental change in one line.
    vim.api.nvim_buf_set_text(0, 0, 10, 0, 16, { '20' })
    result.cleared = vim.wait(20000, function() return not has_rule() end, 50)
    result.after_edit = snapshot()
  end
  vim.lsp.stop_client(client_id)
end)
result.ok = ok
result.error = ok and vim.NIL or tostring(err)
local fh = assert(io.open(out, 'w'))
fh:write(vim.fn.json_encode(result))
fh:close()
vim.cmd('qa!')
