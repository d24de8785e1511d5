// The interactive view: draws the network from the page's JSON data, shades the level bands, shows a document's
// record on click. Every text is set with textContent (never as HTML); the words come from the page.
(function(){
  function el(tag, text, cls){var e=document.createElement(tag); if(text!==undefined&&text!==null){e.textContent=String(text);} if(cls){e.className=cls;} return e;}
  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var box = document.getElementById("gb-net");
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, data.options);
  network.on("beforeDrawing", function(ctx){
    var x0 = data.extent[0], w = data.extent[1] - data.extent[0] + 5000;
    data.bands.forEach(function(b, i){
      ctx.fillStyle = (i % 2) ? "#ffffff" : "#f1f4f8"; ctx.fillRect(x0, b.top, w, b.bottom - b.top);
    });
  });
  var details = document.getElementById("gb-details");
  function show(id){
    var rec = data.records[id]; if(!rec){return;}
    while(details.firstChild){details.removeChild(details.firstChild);}
    details.appendChild(el("h2", rec.rows.length ? rec.rows[0][1] : id));
    var t = el("table", null, "gb-rec");
    rec.rows.forEach(function(r){var tr=el("tr"); tr.appendChild(el("th", r[0])); tr.appendChild(el("td", r[1])); t.appendChild(tr);});
    details.appendChild(t);
    if(rec.links.length){
      details.appendChild(el("h2", details.getAttribute("data-links-heading")));
      var ul = el("ul", null, "gb-links");
      rec.links.forEach(function(l){
        var li = el("li"); var a = el("a", l.head); a.href = "#"; a.onclick = function(ev){ev.preventDefault(); network.selectNodes([l.node]); network.focus(l.node, {scale: 1.1}); show(l.node);};
        li.appendChild(a); l.evidence.forEach(function(s){li.appendChild(el("span", "“" + s + "”", "gb-ev"));}); ul.appendChild(li);
      });
      details.appendChild(ul);
    }
  }
  function fitAll(){ network.fit(); network.moveTo({scale: network.getScale() * 0.94}); }
  network.once("afterDrawing", fitAll);
  network.on("click", function(p){ if(p.nodes.length){show(p.nodes[0]);} });
  var search = document.getElementById("gb-search");
  if(search){
    search.addEventListener("change", function(){
      var q = search.value.trim().toLowerCase(); if(!q){return;}
      var hit = data.nodes.filter(function(n){return data.records[n.id] && String(n.label).toLowerCase().indexOf(q) >= 0;})[0];
      if(hit){network.selectNodes([hit.id]); network.focus(hit.id, {scale: 1.2}); show(hit.id);}
    });
  }
  var fit = document.getElementById("gb-fit"); if(fit){fit.onclick = fitAll;}
  if(data.root && data.records[data.root]){show(data.root);}
})();
