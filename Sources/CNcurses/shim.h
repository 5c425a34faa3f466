// The wide-character ncurses API, with the macros Swift cannot import exposed as functions.
//
// SwiftPM does not pass pkg-config's -D_XOPEN_SOURCE=600, so the wide functions
// (wget_wch, wadd_wch, ...) stay hidden unless NCURSES_WIDECHAR is defined first.
// Linux distributions put the wide-character header under ncursesw/; macOS has one ncurses,
// wide-character capable, whose header is <curses.h> (Homebrew's is the same).
#ifndef ATROUS_CNCURSES_SHIM_H
#define ATROUS_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#if defined(__APPLE__)
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#else
#include <ncursesw/curses.h>
#endif

// MARK: - Attributes (macros built from NCURSES_BITS)

static inline attr_t atrous_attribute_normal(void) { return A_NORMAL; }
static inline attr_t atrous_attribute_bold(void) { return A_BOLD; }
static inline attr_t atrous_attribute_dim(void) { return A_DIM; }
static inline attr_t atrous_attribute_reverse(void) { return A_REVERSE; }
static inline attr_t atrous_attribute_underline(void) { return A_UNDERLINE; }

// MARK: - Globals (Swift 6 rejects mutable C globals as not concurrency-safe)

static inline WINDOW *atrous_stdscr(void) { return stdscr; }
static inline int atrous_colors(void) { return COLORS; }
static inline int atrous_color_pairs(void) { return COLOR_PAIRS; }
static inline int atrous_lines(void) { return LINES; }
static inline int atrous_columns(void) { return COLS; }
static inline FILE *atrous_standard_output(void) { return stdout; }
static inline FILE *atrous_standard_input(void) { return stdin; }

// MARK: - Keys

static inline int atrous_key_function(int n) { return KEY_F(n); }

// MARK: - Mouse

static inline mmask_t atrous_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t atrous_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t atrous_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t atrous_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t atrous_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t atrous_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t atrous_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t atrous_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t atrous_button2_double_clicked(void) { return BUTTON2_DOUBLE_CLICKED; }
static inline mmask_t atrous_button2_triple_clicked(void) { return BUTTON2_TRIPLE_CLICKED; }
static inline mmask_t atrous_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t atrous_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t atrous_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t atrous_button3_double_clicked(void) { return BUTTON3_DOUBLE_CLICKED; }
static inline mmask_t atrous_button3_triple_clicked(void) { return BUTTON3_TRIPLE_CLICKED; }
static inline mmask_t atrous_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t atrous_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t atrous_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t atrous_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

#endif
