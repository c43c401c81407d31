// The Mustache templates of the HTML report (report.html) and the park pages
// (parks/<id>.html). Edit the HTML here; the Swift code only supplies values.
// {{ }} escapes HTML; only pre-rendered SVG (maps, charts) goes through {{{ }}}.
//
// They are Swift string constants, not package resources: a resource bundle must
// sit beside the executable (Bundle.module stops the program when it is missing),
// and a parkatlas binary copied alone must still write its report.

enum AtlasTemplates {
    /// Partial "table": `{{> table}}` inside a section whose context has `table`
    /// = {headers: [{zh, en, num?}], rows: [{cls?, cells: [{text, small?, link?, badge?, low?, num?}]}]}.
    static let table = #"""
        {{#table}}<div class="table-wrap"><table><thead><tr>{{#headers}}<th{{#num}} class="num"{{/num}}>{{zh}}<br><span class="en">{{en}}</span></th>{{/headers}}</tr></thead><tbody>
        {{#rows}}<tr{{#cls}} class="{{cls}}"{{/cls}}>{{#cells}}<td{{#num}} class="num"{{/num}}>{{#link}}<a href="{{link}}">{{/link}}{{#badge}}<span class="badge {{badge}}">{{/badge}}{{#low}}<span class="low">{{/low}}{{text}}{{#low}}</span>{{/low}}{{#badge}}</span>{{/badge}}{{#link}}</a>{{/link}}{{#small}} <small class="code">{{small}}</small>{{/small}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table></div>{{/table}}
        """#

    /// Partial "head": everything up to <body>; context {title}.
    static let head = #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        {{> style}}
        </style>
        </head>
        """#

    /// A park page: parks/<id>.html.
    static let park = #"""
        {{> head}}
        <body class="park-page">
        <header><h1>{{name}} <small class="code">{{id}}</small></h1>
        <p>{{levelZh}}园区 · {{districtName}} · {{statusZh}} · <a class="back" href="../report.html">← 全市报告 city report</a>{{#parent}} · 上级园区 parent: <a href="{{file}}">{{name}}</a>{{/parent}}</p>
        {{#hasSubParks}}<p>园中园 sub-parks: {{#subParks}}<a href="{{file}}">{{name}}</a> <small class="code">{{id}}</small> {{/subParks}}</p>{{/hasSubParks}}
        </header>
        <main>
        <section id="map"><h2>园区地图 <span class="en">Park map</span></h2>
        <div class="map-row">
        <figure class="atlas-map park-map">{{{mapSVG}}}<div class="map-info">悬停或点按要素查看属性 Hover or tap a feature for its properties</div></figure>
        <figure class="locator">{{{locatorSVG}}}<figcaption>在全市的位置 Location in the city</figcaption></figure>
        </div>
        </section>
        <section id="positioning"><h2>产业定位与实际 <span class="en">Positioning against reality</span></h2>
        <div class="cards">
        <div class="card"><div class="v">{{capName}}</div><div class="k">定位上限 cap: {{mainCount}} 主导 main / {{featuredCount}} 特色 featured <span class="badge {{capBadge}}">{{capStatus}}</span></div></div>
        <div class="card"><div class="v">{{leadingShare}}</div><div class="k">主导及特色产业产值占比 leading-industry share · 目标 target {{leadingThreshold}} <span class="badge {{leadingBadge}}">{{leadingStatus}}</span></div></div>
        </div>
        <h3>声明的产业 <span class="en">Declared industries</span></h3>
        {{#declaredTable}}{{> table}}{{/declaredTable}}
        <h3>实际结构：按大类 <span class="en">Actual shares by division (output, tax, employees)</span></h3>
        <figure class="chart-wrap">{{{divisionChart}}}</figure>
        <h3>领先大类中的小类 <span class="en">Classes of the leading divisions</span></h3>
        <figure class="chart-wrap">{{{classChart}}}</figure>
        <p class="note">{{positioningNote}}</p>
        </section>
        <section id="land"><h2>土地与集约利用 <span class="en">Land and intensity</span></h2>
        <h3>土地状态 <span class="en">Land by status</span></h3>
        <figure class="chart-wrap">{{{statusChart}}}</figure>
        <h3>集约利用指标 <span class="en">The 12 indicators</span></h3>
        {{#indicatorTable}}{{> table}}{{/indicatorTable}}
        <p class="note">{{nationalNote}}</p>
        <h3>亩均效益等级 <span class="en">Per-mu grades</span></h3>
        {{#gradeTable}}{{> table}}{{/gradeTable}}
        <div class="two">
        <div><h3>产值前十 <span class="en">Top 10 by output</span></h3>{{#topOutput}}{{> table}}{{/topOutput}}</div>
        <div><h3>亩均税收前十 <span class="en">Top 10 by tax per mu</span></h3>{{#topTax}}{{> table}}{{/topTax}}</div>
        </div>
        </section>
        <section id="findings"><h2>检查发现 <span class="en">Findings</span></h2>
        {{^findings}}<p>无 No findings.</p>{{/findings}}
        <ol class="findings">
        {{#findings}}<li value="{{number}}"><span class="badge {{severity}}">{{severityZh}}</span> <b>{{ruleZh}}</b> {{messageZh}}{{#onMap}} <a class="locate" href="#map">↑ 地图上编号 {{number}}</a>{{/onMap}}{{#suggestion}}<br><span class="suggest">建议 suggestion: {{suggestion}}</span>{{/suggestion}}<br><span class="en">{{messageEn}}</span></li>
        {{/findings}}</ol>
        {{#moreFindings}}<p class="note">… {{moreFindings}} more (findings.csv)</p>{{/moreFindings}}
        </section>
        </main>
        <script>
        {{> script}}
        </script>
        </body>
        </html>
        """#

    /// The city page sections added by the atlas (inside report.html): concentration and the park index.
    static let citySections = #"""
        <section id="concentration"><h2>工业向园区集中 <span class="en">Industry in parks, by county and functional zone</span></h2>
        <p>{{concentrationNote}}</p>
        <figure class="chart-wrap">{{{concentrationChart}}}</figure>
        {{#concentrationTable}}{{> table}}{{/concentrationTable}}
        </section>
        <section id="featured"><h2>特色园区 <span class="en">Featured parks (certified / cultivating)</span></h2>
        {{#featuredTable}}{{> table}}{{/featuredTable}}
        {{^featuredTable}}<p>无 No park has a featured status.</p>{{/featuredTable}}
        <p class="note">{{featuredNote}}</p>
        </section>
        <section id="parks"><h2>园区页 <span class="en">Park pages</span></h2>
        {{#parkTable}}{{> table}}{{/parkTable}}
        </section>
        """#

    /// Print: the city summary, then one park per page, maps fitting the page.
    static let printStyle = """
        @media print {
          @page { size: A4; margin: 12mm; }
          body { background:#fff; font-size:11px; }
          nav, .map-controls, .map-layers, .map-info, a.locate, a.back { display:none !important; }
          header { background:#fff; color:#000; padding:0 0 6px; border-bottom:2px solid #000; }
          section { border:none; padding:0; margin:8px 0; break-inside:auto; }
          main { max-width:none; padding:0; }
          figure svg, .park-map svg { max-height:170mm; width:100%; height:auto; }
          .park-page section#map { break-after:page; }
          .park-print { break-before:page; }
          table { font-size:10px; } th { position:static; }
          details { display:block; } details > * { display:block; }
        }
        .map-row { display:flex; gap:12px; align-items:flex-start; flex-wrap:wrap; }
        .park-map { flex:1 1 760px; margin:0; }
        .park-map svg { width:100%; height:auto; border:1px solid var(--line); background:#fff; }
        .locator { flex:0 0 300px; margin:0; } .locator svg { width:300px; height:auto; border:1px solid var(--line); }
        .chart-wrap { margin:6px 0 12px; overflow-x:auto; } .chart-wrap svg { width:auto; max-width:100%; height:auto; border:none; }
        small.code { color:var(--muted); font-size:11px; font-weight:normal; }
        header small.code { color:#dde6f0; }
        header a { color:#fff; }
        .two { display:flex; gap:18px; flex-wrap:wrap; } .two > div { flex:1 1 420px; }
        ol.findings li { margin:4px 0; } .suggest { color:#1f6f3f; }
        """
}
