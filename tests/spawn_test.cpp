#include "spawn.hpp"

#include <sys/wait.h>

#include <doctest/doctest.h>

#include <cerrno>

using namespace backcare;

TEST_CASE("spawn::spawn_quietly gives the child's pid, or posix_spawnp's error") {
  SUBCASE("a program that runs") {
    const Result<pid_t, int> started = spawn_quietly({"sh", "-c", "exit 7", nullptr}, -1);
    REQUIRE(started.ok());
    CHECK(*started > 0);
    int status = 0;
    REQUIRE(::waitpid(*started, &status, 0) == *started);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 7);
  }
  SUBCASE("a program that does not exist") {
    const Result<pid_t, int> started =
        spawn_quietly({"/nonexistent/backcare-no-such-program", nullptr}, -1);
    REQUIRE_FALSE(started.ok());
    CHECK(started.error() == ENOENT);
  }
}
