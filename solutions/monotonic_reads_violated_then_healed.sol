track1:a.com
track1:ERR_DEP
track9:ERR_DEP
track1:a.com
track1:a.com
track9:ERR_KEY
