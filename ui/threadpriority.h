// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace mqttscope {

// Lets the calling thread give way to the GUI thread when both want a core: a connection's
// thread receives as fast as the network allows, and under a burst on a 2-core machine it, the
// GUI thread and a local broker all run at once, so an equal share stretched the GUI's 4 ms
// flushes past 10 ms. Nothing is lost by it: the connection's work waits in the socket and flow
// control (docs/performance.md, "Burst of new topics"). On Linux a niceness raised by
// BackgroundNiceness, which applies per thread; elsewhere nothing.
void yieldToGuiThread();

// The calling thread's niceness (Linux; 0 elsewhere).
int currentThreadNiceness();

constexpr int BackgroundNiceness = 5;

} // namespace mqttscope
