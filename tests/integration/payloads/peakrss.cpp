// SPDX-License-Identifier: GPL-3.0-or-later
// peakrss OUTPUT PROGRAM [ARGS...]: runs PROGRAM with this process's stdin, stdout and stderr,
// writes its peak resident set size in KiB (wait4's ru_maxrss) to OUTPUT and exits as it did.
// The kernel's own account of the child's high-water mark, so a short peak just before exit is
// not missed as polling /proc would; what GNU time -f %M prints, without needing it installed.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: peakrss OUTPUT PROGRAM [ARGS...]\n");
        return 125;
    }
    const pid_t child = fork();
    if (child < 0) {
        std::perror("peakrss: fork");
        return 125;
    }
    if (child == 0) {
        execv(argv[2], argv + 2);
        std::perror("peakrss: exec");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("peakrss: wait4");
            return 125;
        }
    }
    if (FILE *output = std::fopen(argv[1], "w")) {
        std::fprintf(output, "%ld\n", usage.ru_maxrss);
        std::fclose(output);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
