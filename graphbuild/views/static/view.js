// The interactive view: draws the network from the page's JSON data, shades the level bands, shows a document's
// record on click, an edge's label on hover, expands a group of documents on click, and finds a document by what
// is typed in the search box (symbol, title, issuer, place; without accents). Every text is set with textContent
// (never as HTML); the words come from the page.
(function(){
  function el(tag, text, cls){var e=document.createElement(tag); if(text!==undefined&&text!==null){e.textContent=String(text);} if(cls){e.className=cls;} return e;}
  function fold(s){return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();}
  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var box = document.getElementById("gb-net");
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, data.options);
  var expand = data.expand, expanded = {};
  network.on("beforeDrawing", function(ctx){
    var x0 = data.extent[0], w = data.extent[1] - data.extent[0] + 5000;
    data.bands.forEach(function(b, i){
      ctx.fillStyle = (i % 2) ? "#ffffff" : "#f1f4f8"; ctx.fillRect(x0, b.top, w, b.bottom - b.top);
    });
  });
  // edge labels on hover only: many labels drawn at once overlap into an unreadable smear
  network.on("hoverEdge", function(p){ var e = edges.get(p.edge); if(e){edges.update({id: e.id, label: e.hover_label});} });
  network.on("blurEdge", function(p){ if(edges.get(p.edge)){edges.update({id: p.edge, label: ""});} });
  var details = document.getElementById("gb-details");
  function clear(){ while(details.firstChild){details.removeChild(details.firstChild);} }
  function show(id){
    var rec = data.records[id]; if(!rec){return;}
    clear();
    details.appendChild(el("h2", rec.rows.length ? rec.rows[0][1] : id));
    var t = el("table", null, "gb-rec");
    rec.rows.forEach(function(r){var tr=el("tr"); tr.appendChild(el("th", r[0])); tr.appendChild(el("td", r[1])); t.appendChild(tr);});
    details.appendChild(t);
    if(expand && expand.groups[id]){
      var more = el("button", details.getAttribute("data-expand-label")); more.type = "button"; more.className = "gb-expand";
      more.onclick = function(){ expandGroup(id); };
      details.appendChild(more);
    }
    if(rec.links.length){
      details.appendChild(el("h2", details.getAttribute("data-links-heading")));
      var ul = el("ul", null, "gb-links");
      rec.links.forEach(function(l){
        var li = el("li"); var a = el("a", l.head); a.href = "#"; a.onclick = function(ev){ev.preventDefault(); focusOn(l.node);};
        li.appendChild(a); l.evidence.forEach(function(s){li.appendChild(el("span", "“" + s + "”", "gb-ev"));}); ul.appendChild(li);
      });
      details.appendChild(ul);
    }
  }
  // --- groups: a click puts the group's documents in its place; edges are re-drawn between what is visible
  function shownAs(id){ var g = expand.member_of[id]; return (g && !expanded[g]) ? g : id; }
  function redrawEdges(){
    var out = [], merged = {};
    expand.edges.forEach(function(e){
      var a = shownAs(e.from), b = shownAs(e.to); if(a === b){return;}
      if(a === e.from && b === e.to){ out.push(e); return; }
      var key = a + "|" + b + "|" + e.relation;
      if(!merged[key]){ merged[key] = {edge: e, count: 0, from: a, to: b}; }
      merged[key].count += 1;
    });
    Object.keys(merged).sort().forEach(function(key, i){
      var m = merged[key], e = m.edge;
      out.push({id: "g" + i, from: m.from, to: m.to, arrows: "to", dashes: e.dashes, color: e.color, smooth: false,
                width: e.width + Math.log(m.count) / Math.LN2, relation: e.relation,
                hover_label: m.count > 1 ? m.count + " × " + e.hover_label : e.hover_label,
                title: m.count > 1 ? m.count + " × " + e.hover_label : e.title});
    });
    edges.clear(); edges.add(out);
  }
  function expandGroup(g){
    if(!expand || !expand.groups[g] || expanded[g]){return;}
    expanded[g] = true;
    nodes.remove(g);
    nodes.add(expand.groups[g].map(function(id){ data.records[id] = expand.records[id]; return expand.nodes[id]; }));
    redrawEdges();
    var first = expand.groups[g][0]; network.selectNodes([first]); network.focus(first, {scale: Math.max(network.getScale(), 0.8)}); show(first);
  }
  function focusOn(id){
    if(!nodes.get(id) && expand && expand.member_of[id]){ expandGroup(expand.member_of[id]); }
    if(!nodes.get(id)){return;}
    network.selectNodes([id]); network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 300}}); show(id);
  }
  function fitAll(){ network.fit(); network.moveTo({scale: network.getScale() * 0.94}); }
  network.once("afterDrawing", fitAll);
  network.on("click", function(p){
    if(!p.nodes.length){return;}
    var id = p.nodes[0];
    if(expand && expand.groups[id]){ expandGroup(id); } else { show(id); }
  });
  // --- search: one hit is focused at once; several are listed, a click on one focuses it
  var search = document.getElementById("gb-search");
  function hits(q){ q = fold(q); if(!q){return [];} return data.search.filter(function(s){return s[2].indexOf(q) >= 0;}); }
  function listHits(found){
    clear();
    details.appendChild(el("h2", (details.getAttribute("data-found-label") || "") + " " + found.length));
    var ul = el("ul", null, "gb-links gb-hits");
    found.slice(0, 50).forEach(function(s){
      var li = el("li"); var a = el("a", s[1]); a.href = "#"; a.setAttribute("data-id", s[0]);
      a.onclick = function(ev){ev.preventDefault(); focusOn(s[0]);}; li.appendChild(a); ul.appendChild(li);
    });
    details.appendChild(ul);
  }
  if(search){
    var pending = null;
    function run(){
      var found = hits(search.value);
      if(found.length === 1){ focusOn(found[0][0]); } else if(found.length > 1){ listHits(found); }
    }
    search.addEventListener("input", function(){ clearTimeout(pending); pending = setTimeout(run, 250); });
    search.addEventListener("change", function(){ clearTimeout(pending); run(); });
  }
  var fit = document.getElementById("gb-fit"); if(fit){fit.onclick = fitAll;}
  if(data.root && data.records[data.root]){show(data.root);}
})();
