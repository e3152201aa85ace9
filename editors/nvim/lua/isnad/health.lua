-- :checkhealth isnad
local M = {}

function M.check()
  local health = vim.health
  local isnad = require("isnad")
  health.start("isnad")

  if vim.fn.has("nvim-0.11") == 1 then
    health.ok("Neovim " .. tostring(vim.version()))
  else
    health.error("Neovim " .. tostring(vim.version()) .. " is too old", { "isnad needs Neovim 0.11 or newer" })
  end

  local cmd = isnad.options.cmd or isnad.cmd(isnad.options)
  local bin, tried = cmd[1], {}
  if not isnad.options.cmd then
    bin, tried = isnad.find_binary(isnad.options)
  end
  if not bin or vim.fn.executable(bin) ~= 1 then
    health.error("isnad binary not found", vim.list_extend({
      "Install it: `cargo install --locked --profile dist --path .` in the isnad checkout (puts `isnad` in ~/.cargo/bin)",
      "or pass require('isnad').setup({ path = '/path/to/isnad' })",
    }, vim.tbl_map(function(t)
      return "looked at " .. t
    end, tried)))
  else
    health.ok("binary: " .. bin)
    local ok, res = pcall(function()
      return vim.system({ bin, "--version" }, { text = true }):wait(5000)
    end)
    if ok and res and res.code == 0 then
      health.ok("version: " .. vim.trim(res.stdout or ""))
    else
      health.error("`" .. bin .. " --version` failed" .. (ok and res and (": " .. (res.stderr or "")) or ""))
    end
  end

  local enabled = vim.lsp.is_enabled and vim.lsp.is_enabled(isnad.name)
  if enabled == false then
    health.warn("the isnad server is not enabled", { "call require('isnad').setup({...}) in your config" })
  end

  local clients = isnad.clients()
  if #clients == 0 then
    health.info("no isnad client is running (open a .txt or .md file of your corpus)")
  end
  for _, client in ipairs(clients) do
    local bufs = vim.tbl_keys(client.attached_buffers or {})
    health.ok(("client %d attached to %d buffer(s); root: %s; position encoding: %s"):format(
      client.id,
      #bufs,
      client.root_dir or client.config.root_dir or "(none: the folder of the first opened file)",
      client.offset_encoding or "?"
    ))
    local caps = client.server_capabilities or {}
    local features = {}
    for _, f in ipairs({
      { "hoverProvider", "hover" },
      { "definitionProvider", "definition" },
      { "referencesProvider", "references" },
      { "renameProvider", "rename" },
      { "documentSymbolProvider", "document symbols" },
      { "workspaceSymbolProvider", "workspace symbols" },
      { "semanticTokensProvider", "semantic tokens" },
      { "codeLensProvider", "code lenses" },
      { "codeActionProvider", "quick fixes" },
    }) do
      if caps[f[1]] then
        table.insert(features, f[2])
      end
    end
    health.info("server features: " .. (#features > 0 and table.concat(features, ", ") or "diagnostics only"))
  end
end

return M
