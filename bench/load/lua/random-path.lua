-- wrk script: each request picks a random line of the file named by the PATHS environment variable, so a test
-- spreads over many innovations or queries instead of hammering one cached URL.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
