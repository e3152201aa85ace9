-- Nothing is started here: call require("isnad").setup({...}) from your config (:help isnad).
if vim.g.loaded_isnad then
  return
end
vim.g.loaded_isnad = true
