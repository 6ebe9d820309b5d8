/* Uploads with per-file progress: drag and drop onto a drop zone, or choose files with the
   keyboard; the form is sent with XMLHttpRequest so each file's bar follows the upload's
   progress events. Without this script the forms still work as plain multipart forms. */
(function () {
  "use strict";

  function sizeText(bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + " KB";
    return (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  function setup(form) {
    var input = form.querySelector("input[type=file]");
    var zone = form.querySelector("[data-dropzone]");
    var list = form.querySelector("[data-file-list]");
    var status = form.querySelector("[data-upload-status]");
    var error = form.querySelector("[data-upload-error]");
    var button = form.querySelector("button[type=submit]");
    var multiple = input && input.multiple;
    var chosen = [];
    var bars = [];

    function say(text) { if (status) status.textContent = text; }
    function fail(text) {
      if (error) { error.textContent = text; error.hidden = false; }
      say("");
      if (button) button.disabled = false;
    }

    function draw() {
      if (!list) return;
      list.innerHTML = "";
      bars = [];
      chosen.forEach(function (file, index) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = file.name + " (" + sizeText(file.size) + ")";
        item.appendChild(name);
        if (multiple) {
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "btn small secondary";
          remove.textContent = "빼기";
          remove.setAttribute("aria-label", file.name + " 빼기");
          remove.addEventListener("click", function () {
            chosen.splice(index, 1);
            draw();
            say(file.name + " 파일을 뺐습니다. 남은 파일 " + chosen.length + "개.");
          });
          item.appendChild(remove);
        }
        var bar = document.createElement("progress");
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute("aria-label", file.name + " 올리기 진행률");
        item.appendChild(bar);
        bars.push(bar);
        list.appendChild(item);
      });
    }

    function add(files) {
      var added = 0;
      Array.prototype.forEach.call(files, function (file) {
        if (!multiple) chosen = [];
        var dup = chosen.some(function (f) { return f.name === file.name && f.size === file.size; });
        if (!dup) { chosen.push(file); added += 1; }
      });
      draw();
      if (error) error.hidden = true;
      say("파일 " + added + "개를 추가했습니다. 모두 " + chosen.length + "개.");
    }

    if (input) {
      input.addEventListener("change", function () {
        add(input.files);
        // The list keeps the files; clearing lets the same file be chosen again after removing it.
        if (multiple) input.value = "";
      });
    }
    if (zone) {
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (event) {
          event.preventDefault();
          zone.classList.add("over");
        });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function (event) {
          event.preventDefault();
          zone.classList.remove("over");
        });
      });
      zone.addEventListener("drop", function (event) {
        if (event.dataTransfer && event.dataTransfer.files) add(event.dataTransfer.files);
      });
    }

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) return; // plain form submission
      event.preventDefault();
      if (error) error.hidden = true;
      if (!chosen.length) { fail("올릴 파일을 선택하거나 끌어다 놓아 주십시오."); return; }
      var data = new FormData(form);
      var field = input.name;
      data.delete(field);
      var starts = [];
      var offset = 0;
      chosen.forEach(function (file) {
        starts.push(offset);
        offset += file.size;
        data.append(field, file, file.name);
      });
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Upload", "xhr");
      xhr.responseType = "json";
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        // The files travel one after another: a file's share of the bytes sent so far is its bar.
        var sent = e.loaded / e.total * offset;
        chosen.forEach(function (file, index) {
          var part = file.size ? (sent - starts[index]) / file.size : 1;
          bars[index].value = Math.max(0, Math.min(100, Math.round(part * 100)));
        });
        say("올리는 중: " + Math.round(e.loaded / e.total * 100) + "%");
      });
      xhr.addEventListener("load", function () {
        var body = xhr.response || {};
        if (xhr.status >= 200 && xhr.status < 300 && body.location) {
          bars.forEach(function (bar) { bar.value = 100; });
          say("올리기를 마쳤습니다. 결과 화면으로 이동합니다.");
          window.location.assign(body.location);
        } else if (xhr.status === 413) {
          fail("파일이 너무 큽니다. 한 번에 올릴 수 있는 크기를 넘었습니다.");
        } else {
          fail(body.message || "올리지 못했습니다. 잠시 후 다시 시도해 주십시오.");
        }
      });
      xhr.addEventListener("error", function () {
        fail("서버에 연결하지 못했습니다. 네트워크를 확인한 뒤 다시 시도해 주십시오.");
      });
      if (button) button.disabled = true;
      say("올리기를 시작합니다.");
      xhr.send(data);
    });
  }

  document.querySelectorAll("form[data-upload]").forEach(setup);
})();
