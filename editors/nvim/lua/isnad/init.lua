-- isnad: a language server for folders of Arabic news articles.
-- Neovim client: require("isnad").setup({...}) configures and enables the server with
-- vim.lsp.config / vim.lsp.enable (Neovim >= 0.11). See :help isnad.
local M = {}

M.name = "isnad"

M.defaults = {
  -- Path to the isnad binary; nil: $ISNAD_PATH, then `isnad` on $PATH.
  path = nil,
  -- Full command (overrides `path`), e.g. { "/opt/isnad/bin/isnad", "lsp" }.
  cmd = nil,
  filetypes = { "text", "markdown" },
  root_markers = { "isnad.toml", ".git" },
  -- Server settings, the same keys as isnad.toml (snake_case or camelCase):
  -- { corpus = { include = {...}, exclude = {...}, max_file_size = N },
  --   severity = { inconsistent_spelling = "warning", orthographic_variant = "information" },
  --   spelling = { accepted = {...} }, entity = { {...} } }
  -- Also the language of diagnostics, hovers and code actions: language = "auto" | "ar" | "en"
  -- (Neovim sends no locale; when unset, "ar" if $LC_ALL, $LC_MESSAGES or $LANG is Arabic),
  -- and bidi_isolates = true for a UI that renders U+2068/U+2069 (Neovim's floats do not).
  -- Sent as init_options and as settings = { isnad = ... } (workspace/configuration).
  settings = {},
  -- Refresh code lenses ("N reprints" on quotes) on these events; false to disable.
  codelens_events = { "BufEnter", "InsertLeave", "TextChanged" },
  -- Default highlight links for the semantic tokens; false to leave them alone.
  semantic_highlights = true,
  on_attach = nil,
  capabilities = nil,
}

M.options = vim.deepcopy(M.defaults)

local function notify(msg, level)
  vim.notify("isnad: " .. msg, level or vim.log.levels.INFO)
end

--- The binary to run: opts.path, then $ISNAD_PATH, then `isnad` on $PATH.
--- Returns the path (or nil) and a list of the places looked at.
function M.find_binary(opts)
  opts = opts or M.options
  local tried = {}
  local candidates = {}
  if opts.path and opts.path ~= "" then
    table.insert(candidates, { vim.fn.expand(opts.path), "setup({ path = ... })" })
  end
  local env = vim.env.ISNAD_PATH
  if env and env ~= "" then
    table.insert(candidates, { env, "$ISNAD_PATH" })
  end
  for _, c in ipairs(candidates) do
    table.insert(tried, c[2] .. ": " .. c[1])
    if vim.fn.executable(c[1]) == 1 then
      return c[1], tried
    end
  end
  local on_path = vim.fn.exepath("isnad")
  table.insert(tried, "$PATH: isnad")
  if on_path ~= "" then
    return on_path, tried
  end
  return nil, tried
end

--- The command vim.lsp uses to start the server.
function M.cmd(opts)
  opts = opts or M.options
  if opts.cmd then
    return opts.cmd
  end
  local bin = M.find_binary(opts)
  return { bin or "isnad", "lsp" }
end

--- Show a list of locations in the quickfix list (used for the server's reference lenses).
local function show_locations(locations, client, title)
  if not locations or vim.tbl_isempty(locations) then
    notify("no references", vim.log.levels.INFO)
    return
  end
  local items = vim.lsp.util.locations_to_items(locations, client and client.offset_encoding or "utf-16")
  vim.fn.setqflist({}, " ", { title = title or "isnad references", items = items })
  vim.cmd("botright copen")
end
M._show_locations = show_locations

--- Client-side commands the server's code lenses may use. A lens whose command is VS Code's
--- `editor.action.showReferences` (arguments: uri, position, locations) opens the quickfix list.
M.commands = {
  ["editor.action.showReferences"] = function(command, ctx)
    local client = ctx and ctx.client_id and vim.lsp.get_client_by_id(ctx.client_id)
    local args = command.arguments or {}
    show_locations(args[3], client, command.title)
  end,
}
M.commands["isnad.showReferences"] = M.commands["editor.action.showReferences"]

local function set_semantic_highlights()
  local links = {
    ["@lsp.type.person"] = "@variable.parameter",
    ["@lsp.type.place"] = "@constant",
    ["@lsp.type.organization"] = "@type",
    ["@lsp.type.quote"] = "@string",
  }
  for group, target in pairs(links) do
    vim.api.nvim_set_hl(0, group, { link = target, default = true })
  end
end

local function on_attach(client, bufnr)
  local events = M.options.codelens_events
  if events and client:supports_method("textDocument/codeLens") then
    local group = vim.api.nvim_create_augroup("isnad_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd(events, {
      group = group,
      buffer = bufnr,
      callback = function()
        vim.lsp.codelens.refresh({ bufnr = bufnr })
      end,
    })
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  end
  if M.options.on_attach then
    M.options.on_attach(client, bufnr)
  end
end

--- "ar" when the user's locale is Arabic (POSIX order: LC_ALL, LC_MESSAGES, LANG), else nil.
function M.locale_language()
  for _, name in ipairs({ "LC_ALL", "LC_MESSAGES", "LANG" }) do
    local v = vim.env[name]
    if v and v ~= "" then
      return v:match("^ar[_%-%.@]") and "ar" or (v == "ar" and "ar" or nil)
    end
  end
  return nil
end

--- The table given to vim.lsp.config("isnad", ...).
function M.lsp_config(opts)
  opts = opts or M.options
  local settings = vim.deepcopy(opts.settings or {})
  if settings.language == nil then
    settings.language = M.locale_language()
  end
  local config = {
    cmd = M.cmd(opts),
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    settings = { isnad = settings },
    init_options = settings,
    commands = M.commands,
    on_attach = on_attach,
  }
  if opts.capabilities then
    config.capabilities = opts.capabilities
  end
  return config
end

--- The running isnad clients (optionally for one buffer).
function M.clients(bufnr)
  return vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
end

--- Change settings without a restart: updates every client's settings and sends
--- workspace/didChangeConfiguration (the server then pulls `isnad` again).
function M.update_settings(settings)
  M.options.settings = vim.tbl_deep_extend("force", M.options.settings or {}, settings or {})
  vim.lsp.config(M.name, { settings = { isnad = vim.deepcopy(M.options.settings) }, init_options = vim.deepcopy(M.options.settings) })
  for _, client in ipairs(M.clients()) do
    client.settings = { isnad = vim.deepcopy(M.options.settings) }
    client:notify("workspace/didChangeConfiguration", { settings = client.settings })
  end
end

--- Text edits applying every isnad diagnostic's replacement (Diagnostic.data) in a buffer.
function M.buffer_fix_edits(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local edits = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp
    if lsp and lsp.source == "isnad" and type(lsp.data) == "table" and lsp.data.replacement then
      table.insert(edits, { range = lsp.range, newText = lsp.data.replacement })
    end
  end
  return edits
end

--- Apply every spelling fix of the current buffer (each diagnostic's canonical replacement).
function M.fix_buffer(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    notify("no isnad client attached to this buffer", vim.log.levels.WARN)
    return 0
  end
  local edits = M.buffer_fix_edits(bufnr)
  if #edits > 0 then
    vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
  end
  notify(("%d spelling fix(es) applied"):format(#edits))
  return #edits
end

local function create_commands()
  vim.api.nvim_create_user_command("IsnadFixBuffer", function()
    M.fix_buffer(0)
  end, { desc = "isnad: apply every spelling fix in this buffer" })
  vim.api.nvim_create_user_command("IsnadRestart", function()
    for _, client in ipairs(M.clients()) do
      client:stop()
    end
    vim.defer_fn(function()
      vim.lsp.enable(M.name, false)
      vim.lsp.enable(M.name)
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
          vim.api.nvim_exec_autocmds("FileType", { buffer = buf })
        end
      end
    end, 500)
  end, { desc = "isnad: restart the language server" })
  vim.api.nvim_create_user_command("IsnadLog", function()
    vim.cmd("tabnew " .. vim.fn.fnameescape(vim.lsp.get_log_path()))
  end, { desc = "isnad: open the LSP log (server messages)" })
  vim.api.nvim_create_user_command("IsnadCodeLens", function()
    vim.lsp.codelens.run()
  end, { desc = "isnad: run the code lens on this line" })
end

--- Configure and enable the server. Options: see M.defaults and :help isnad-setup.
function M.setup(opts)
  if vim.fn.has("nvim-0.11") ~= 1 then
    notify("needs Neovim 0.11 or newer (vim.lsp.config / vim.lsp.enable)", vim.log.levels.ERROR)
    return
  end
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if not M.options.cmd and not M.find_binary(M.options) then
    notify(
      "the isnad binary was not found (looked at setup({ path = ... }), $ISNAD_PATH and $PATH). "
        .. "Build it with `cargo install --locked --profile dist --path .` in the isnad checkout, or pass path = '/path/to/isnad'.",
      vim.log.levels.WARN
    )
  end
  if M.options.semantic_highlights then
    set_semantic_highlights()
  end
  vim.lsp.config(M.name, M.lsp_config(M.options))
  vim.lsp.enable(M.name)
  create_commands()
end

return M
