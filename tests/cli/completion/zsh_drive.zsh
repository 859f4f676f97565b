# zsh -f zsh_drive.zsh SETUP OUTDIR LINE...: types each LINE and a TAB into one interactive
# zsh on a pseudo-terminal (zsh/zpty), as a user would, and writes what the completion offered
# to OUTDIR/1, OUTDIR/2, ...: one candidate per line.
zmodload zsh/zpty || exit 3
local setup=$1 outdir=$2 out i=0 line
shift 2
zpty zc zsh -f -i || exit 3
zpty -w zc "source ${(q)setup}"
for line in "$@"; do
  (( i++ ))
  # ^U clears what the previous completion left on the line.
  zpty -w -n zc $'\C-u'"$line"$'\t'
  out=''
  zpty -r zc out '*END-OF-COMPLETION*' || exit 4
  print -r -- ${(F)${(M)${(f)${out//$'\r'/}}:#HIT:*}#HIT:} >$outdir/$i
done
zpty -d zc
