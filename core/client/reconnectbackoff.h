// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"

namespace mqttscope {

// Delays between reconnect attempts: initial * multiplier^n, capped at the maximum, each
// spread by +-jitter so that many clients cut off together do not come back together.
class ReconnectBackoff
{
public:
    void setPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    // The delay before the next attempt; each call counts one more failed attempt.
    int nextDelayMs();
    // After a successful connection the next failure starts from the initial delay again.
    void reset() { m_attempts = 0; }

private:
    ReconnectPolicy m_policy;
    int m_attempts = 0;
};

} // namespace mqttscope
