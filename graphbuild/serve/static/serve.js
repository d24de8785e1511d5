// graphbuild serve: the few things a page does in the browser. Text is set with textContent or .value, never as HTML.
(function(){
  // PNG of the network as drawn (vis-network's canvas), on a white background.
  var png = document.getElementById("sv-png");
  if(png){
    png.addEventListener("click", function(ev){
      ev.preventDefault();
      var canvas = document.querySelector("#gb-net canvas"); if(!canvas){return;}
      var out = document.createElement("canvas"); out.width = canvas.width; out.height = canvas.height;
      var ctx = out.getContext("2d"); ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(canvas, 0, 0);
      var a = document.createElement("a"); a.href = out.toDataURL("image/png"); a.download = png.getAttribute("data-name") || "graph.png";
      document.body.appendChild(a); a.click(); document.body.removeChild(a);
    });
  }
  // Cypher box: an example query copied into the box, with a field for each of its parameters.
  var box = document.getElementById("sv-cypher");
  function addParam(name, value){
    var holder = document.querySelector(".sv-params"); if(!holder || !/^[A-Za-z_]\w*$/.test(name)){return;}
    if(document.querySelector('input[name="p.' + name + '"]')){return;}
    var label = document.createElement("label"); label.textContent = name + " ";
    var input = document.createElement("input"); input.type = "text"; input.name = "p." + name; input.value = value || "";
    label.appendChild(input); holder.insertBefore(label, holder.lastElementChild);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".sv-use"), function(link){
    link.addEventListener("click", function(ev){
      ev.preventDefault();
      var pre = document.querySelector('pre.sv-example[data-name="' + link.getAttribute("data-name") + '"]');
      if(box && pre){box.value = pre.textContent; box.focus();}
      (link.getAttribute("data-params") || "").split(",").forEach(function(p){ if(p){addParam(p, "");} });
    });
  });
  var paramName = document.getElementById("sv-param-name");
  if(paramName){ paramName.addEventListener("change", function(){ addParam(paramName.value.trim(), ""); paramName.value = ""; }); }
})();
