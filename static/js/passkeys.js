// Passkeys: the browser's part of WebAuthn. The server's options come in a JSON script
// element; the answer goes back in a hidden field of an ordinary form (with its CSRF token).
// Without JavaScript or WebAuthn the buttons stay hidden and the page says so.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
  }

  function toText(buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: toBytes(item.id) });
    });
  }

  function creationOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
      excludeCredentials: descriptors(options.excludeCredentials)
    });
  }

  function requestOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      allowCredentials: descriptors(options.allowCredentials)
    });
  }

  function answer(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toText(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toText(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toText(response.authenticatorData);
      json.response.signature = toText(response.signature);
      if (response.userHandle) {
        json.response.userHandle = toText(response.userHandle);
      }
    }
    return JSON.stringify(json);
  }

  function submit(form, credential) {
    form.querySelector("input[name=credential]").value = answer(credential);
    form.submit();
  }

  function failed(status) {
    status.hidden = false;
  }

  // "Security": create the passkey the server just asked for.
  var creation = document.getElementById("passkey-creation-options");
  if (creation) {
    var addForm = document.getElementById("passkey-finish");
    var addButton = document.getElementById("passkey-create");
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var options = creationOptions(JSON.parse(creation.textContent));
      navigator.credentials.create({ publicKey: options }).then(function (credential) {
        submit(addForm, credential);
      }, function () { failed(document.getElementById("passkey-failed")); });
    });
  }

  // The login page: any passkey of this site may answer.
  var login = document.getElementById("passkey-login");
  if (login) {
    var loginForm = login.querySelector("form");
    login.hidden = false;
    login.querySelector("button").addEventListener("click", function () {
      var token = loginForm.querySelector("input[name=csrfmiddlewaretoken]").value;
      fetch(login.dataset.optionsUrl, {
        method: "POST",
        headers: { "X-CSRFToken": token },
        credentials: "same-origin"
      }).then(function (reply) { return reply.json(); }).then(function (options) {
        return navigator.credentials.get({ publicKey: requestOptions(options) });
      }).then(function (credential) {
        submit(loginForm, credential);
      }, function () { failed(document.getElementById("passkey-login-failed")); });
    });
  }
})();
