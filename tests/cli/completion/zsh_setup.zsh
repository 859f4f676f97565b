# Sourced by the interactive zsh that tests/cli/completion/zsh_drive.zsh runs on a
# pseudo-terminal: compinit with the generated _backcare on $fpath, and a compadd that prints
# each candidate ("HIT:word") instead of adding it, then an END line.
PS1='' PROMPT='' RPROMPT=''
unset zle_bracketed_paste
bindkey -e
fpath=($ZC_FPATH $fpath)
autoload -Uz compinit && compinit -u -D
compadd() {
  # The calls that only collect matches (-O, -A, -D) go through unchanged.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a zc_hits
  builtin compadd -A zc_hits "$@"
  local ret=$? hit
  for hit in $zc_hits; do
    print -r -- "HIT:$hit"
  done
  return ret
}
zc_complete() {
  print -r -- ''
  _main_complete
  print -r -- 'END-OF-COMPLETION'
}
zle -C zc-complete complete-word zc_complete
bindkey '^I' zc-complete
