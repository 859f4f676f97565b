#pragma once
// The documented exit codes (README "Exit codes", `backcare --help`).

namespace backcare {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_stopped = 1;       // a session stopped early with q
inline constexpr int k_exit_usage = 2;         // bad command line
inline constexpr int k_exit_safety_stop = 3;   // a session stopped with ! (something felt wrong)
inline constexpr int k_exit_data = 65;         // invalid routine data (EX_DATAERR)
inline constexpr int k_exit_no_input = 66;     // routine file missing or unreadable (EX_NOINPUT)
inline constexpr int k_exit_cant_create = 73;  // `new`: could not write the file (EX_CANTCREAT)
inline constexpr int k_exit_io_error = 74;     // cannot write standard output (EX_IOERR)
inline constexpr int k_exit_software = 70;     // an internal error (a bug)
inline constexpr int k_exit_config = 78;       // the config file is wrong or unreadable (EX_CONFIG)
// Signals end a session with 128 + the signal number: 130 SIGINT, 143 SIGTERM, 129 SIGHUP.

}  // namespace backcare
