// Building and reading `struct sigaction` the same way on every C library.
//
// The handler lives in a union whose name differs between glibc (__sigaction_handler), musl
// and Darwin (__sigaction_u); each library hides it behind sa_handler and sa_sigaction
// macros, which Swift cannot import. These functions use the macros, so Swift never names
// the union.
#ifndef ATROUS_SIGNAL_ACTIONS_H
#define ATROUS_SIGNAL_ACTIONS_H

#include <signal.h>
#include <string.h>

typedef void (*atrous_signal_handler)(int);
typedef void (*atrous_signal_info_handler)(int, siginfo_t *, void *);

/// An action that calls `handler` (or is SIG_DFL or SIG_IGN), blocking no other signal.
static inline struct sigaction atrous_signal_action(atrous_signal_handler handler, int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    return action;
}

/// An action that calls `handler` with the signal's details; SA_SIGINFO is added to `flags`.
static inline struct sigaction atrous_signal_info_action(atrous_signal_info_handler handler, int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags | SA_SIGINFO;
    return action;
}

/// The plain handler of an action without SA_SIGINFO (SIG_DFL, SIG_IGN or a function).
static inline atrous_signal_handler atrous_signal_action_handler(const struct sigaction *action) {
    return action->sa_handler;
}

/// The handler of an action with SA_SIGINFO.
static inline atrous_signal_info_handler atrous_signal_action_info_handler(const struct sigaction *action) {
    return action->sa_sigaction;
}

#endif
