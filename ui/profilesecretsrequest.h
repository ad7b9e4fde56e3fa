// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/profilesecrets.h"

#include <functional>

class QWidget;

namespace mqttscope {

class SecretStore;

// The secrets `profile` needs to connect, the way every connection gets them: none when it needs
// none; else from the keychain (or what was typed this run); what the keychain lacks asked for in
// a SecretsDialog over `parent`, and remembered for the run. `ready` is called once they are all
// there, never when the user cancels or `parent` is gone by then.
void requestProfileSecrets(const ConnectionProfile &profile, SecretStore *store, QWidget *parent,
                           std::function<void(const ProfileSecrets &secrets)> ready);

} // namespace mqttscope
