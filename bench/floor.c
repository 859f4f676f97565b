// The floor under the live display's CPU cost: HZ wakes a second on an absolute timerfd via
// ppoll and one 50-byte write each (a bar cell with its cursor moves), for 20 s; prints its own
// CPU time. Run it in a tmux pane of 80x24 to compare with the tmux-breathe row of compare.sh:
//   cc -O2 -o /tmp/floor bench/floor.c
//   tmux new-session -d -x 80 -y 24 '/tmp/floor 16 1 2>/tmp/floor.txt'; sleep 21; cat /tmp/floor.txt
// (HZ 16, 1: writes; 16, 0: the wakes alone.) Not built by CMake: a measuring aid.
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
int main(int argc, char** argv) {
  int hz = argc > 1 ? atoi(argv[1]) : 16, writes = argc > 2 ? atoi(argv[2]) : 1;
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
  const char msg[] = "\x1b[6A\r\x1b[60C\x1b[32m\xe2\x96\x89\x1b[0m\x1b[2m\xe2\x96\x91\x1b[0m\x1b[6B";
  for (int i = 0; i < 20 * hz; ++i) {
    t.tv_nsec += 1000000000 / hz; if (t.tv_nsec >= 1000000000) { t.tv_nsec -= 1000000000; t.tv_sec++; }
    struct itimerspec s = {0}; s.it_value = t; timerfd_settime(fd, TFD_TIMER_ABSTIME, &s, 0);
    struct pollfd p[2] = {{fd, POLLIN, 0}, {0, POLLIN, 0}};
    ppoll(p, 2, 0, 0);
    if (writes) write(1, msg, sizeof msg - 1);
  }
  struct rusage r; getrusage(RUSAGE_SELF, &r);
  fprintf(stderr, "user %ld us sys %ld us\n", r.ru_utime.tv_sec * 1000000 + r.ru_utime.tv_usec, r.ru_stime.tv_sec * 1000000 + r.ru_stime.tv_usec);
  return 0;
}
